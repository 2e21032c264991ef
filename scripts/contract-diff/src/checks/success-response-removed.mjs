// A 2xx response (or a `default` that stood for success) is gone: the typed `data` changes.
export default {
  id: "success-response-removed", n: 4, level: "major", direction: "response", layer: "wire+sdk",
  title: "success response removed",
  on: ["response-removed"],
  check: (d) => d.success && { message: `response ${d.status} removed` },
};
