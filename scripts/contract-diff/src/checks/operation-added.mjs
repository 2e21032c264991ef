export default {
  id: "operation-added", level: "minor", direction: "none", layer: "wire+sdk",
  title: "operation added",
  on: ["operation-added"],
  check: (d) => !d.webhook && { message: `operation ${d.operationId ?? d.operation} added` },
};
