// A request or response media type is gone: requests with it are refused, or responses change shape.
export default {
  id: "media-type-removed", n: 5, level: "major", direction: "both", layer: "wire",
  title: "media type removed",
  on: ["media-type-removed"],
  check: (d) => ({ message: `${d.direction} media type ${d.media} removed` }),
};
