export default {
  id: "response-header-added", level: "minor", direction: "response", layer: "wire",
  title: "response header added",
  on: ["header-added"],
  check: (d) => d.direction === "response" && { message: `response header ${d.name} added` },
};
