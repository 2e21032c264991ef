// A schema keyword the engine does not model changed: it may change what is valid, and nothing
// here can tell. Warn, so that a maintainer looks (and accepts it in the ignore list if harmless).
const fmt = (v) => (v === undefined ? "(unset)" : JSON.stringify(v).slice(0, 80));
export default {
  id: "schema-keyword-unmodelled", level: "warn", direction: "both", layer: "wire",
  title: "a schema keyword the engine does not model changed",
  on: ["keyword-unmodelled"],
  check: (d) => ({ message: `keyword ${d.keyword} ${fmt(d.from)} → ${fmt(d.to)} (not modelled: review it)` }),
};
