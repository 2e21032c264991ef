// A webhook (OpenAPI 3.1 `webhooks`) the API sent is no longer sent: consumers lose those events.
export default {
  id: "webhook-removed", level: "major", direction: "none", layer: "wire",
  title: "webhook removed",
  on: ["operation-removed"],
  check: (d) => d.webhook && { message: `${d.operation} removed` },
};
