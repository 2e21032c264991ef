// The body a webhook sends, as its consumer sees it: a body that may now be missing breaks the
// consumer's handler; one that is now always there does not.
export default {
  id: "webhook-body-changed", level: "major", direction: "response", layer: "wire",
  title: "webhook request body removed or became optional (the consumer may not receive it)",
  on: ["request-body-removed", "request-body-required-changed", "request-body-added"],
  check: (d) => {
    if (d.direction !== "response") return undefined;
    if (d.what === "request-body-removed") return { message: "the webhook no longer sends a body" };
    if (d.what === "request-body-required-changed") return d.required ? { level: "patch", message: "the webhook body is now always sent" } : { message: "the webhook body became optional" };
    return { level: "minor", message: `the webhook now sends a${d.required ? "" : "n optional"} body` };
  },
};
