export default {
  id: "media-type-added", level: "minor", direction: "both", layer: "wire",
  title: "media type added",
  on: ["media-type-added"],
  check: (d) => ({ message: `${d.direction} media type ${d.media} added` }),
};
