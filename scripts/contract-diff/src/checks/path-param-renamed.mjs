// Same endpoint on the wire, but the `params.path` key and the SDK request field are renamed.
export default {
  id: "path-param-renamed", n: 13, level: "major", direction: "request", layer: "sdk",
  title: "path parameter renamed",
  on: ["path-param-renamed"],
  check: (d) => ({ message: `path parameter {${d.from}} renamed to {${d.to}}` }),
};
