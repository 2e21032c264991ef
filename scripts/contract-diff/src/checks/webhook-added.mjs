export default {
  id: "webhook-added", level: "minor", direction: "none", layer: "wire",
  title: "webhook added",
  on: ["operation-added"],
  check: (d) => d.webhook && { message: `${d.operation} added` },
};
