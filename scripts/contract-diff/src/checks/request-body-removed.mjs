export default {
  id: "request-body-removed", n: 20, level: "major", direction: "request", layer: "wire+sdk",
  title: "request body removed",
  on: ["request-body-removed"],
  check: (d) => d.direction === "request" && { message: "request body removed" },
};
