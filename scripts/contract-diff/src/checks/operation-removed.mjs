// An operation (method + path) is gone: its callers fail on the wire and its generated method is gone.
// Major even after a deprecation: the SDK method disappears whatever the sunset said.
export default {
  id: "operation-removed", n: 1, level: "major", direction: "none", layer: "wire+sdk",
  title: "operation removed",
  on: ["operation-removed"],
  check: (d) => !d.webhook && { message: `operation ${d.operationId ?? d.operation} removed${d.deprecated ? " (it was deprecated)" : ""}` },
};
