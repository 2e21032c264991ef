// A non-success status is no longer documented: fewer error cases to handle.
export default {
  id: "response-status-removed", level: "patch", direction: "response", layer: "wire",
  title: "non-success response status removed",
  on: ["response-removed"],
  check: (d) => !d.success && { message: `response ${d.status} removed` },
};
