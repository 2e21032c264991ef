// style/explode/allowReserved/allowEmptyValue change what the generated serialisers put on the wire.
// For a scalar value `explode` changes nothing, and neither does a move between the query styles
// that only differ for arrays and objects (form, spaceDelimited, pipeDelimited).
const ARRAY_ONLY_STYLES = new Set(["form", "spaceDelimited", "pipeDelimited"]);

export default {
  id: "param-serialization-changed", n: 17, level: "major", direction: "request", layer: "wire",
  title: "parameter serialisation changed",
  on: ["param-serialization-changed"],
  check: (d) => {
    const changed = d.changed.filter((c) => !(d.scalar && (c.field === "explode" || (c.field === "style" && ARRAY_ONLY_STYLES.has(c.from) && ARRAY_ONLY_STYLES.has(c.to)))));
    return changed.length > 0 && { message: `${d.param.in} parameter "${d.param.name}": ${changed.map((c) => `${c.field} ${c.from} → ${c.to}`).join(", ")}` };
  },
};
