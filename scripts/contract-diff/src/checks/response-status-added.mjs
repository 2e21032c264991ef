export default {
  id: "response-status-added", level: "minor", direction: "response", layer: "wire+sdk",
  title: "response status added",
  on: ["response-added"],
  check: (d) => ({ message: `response ${d.status} added${d.success ? "" : " (error)"}` }),
};
