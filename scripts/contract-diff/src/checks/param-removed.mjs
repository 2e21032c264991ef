// The typed `params.query.x` key (and the SDK request field) is gone: callers passing it stop
// compiling. Major even after a deprecation, like operation-removed.
export default {
  id: "param-removed", n: 12, level: "major", direction: "request", layer: "sdk",
  title: "parameter removed",
  on: ["param-removed"],
  check: (d) => ({ message: `${d.param.in} parameter "${d.param.name}" removed${d.deprecated ? " (it was deprecated)" : ""}` }),
};
