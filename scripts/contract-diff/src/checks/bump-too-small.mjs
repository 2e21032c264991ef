// Not a diff of two documents: contract-check (src/check.mjs) raises it when the changesets added or
// edited since the base declare a smaller bump than the contract changes (specs and API reports) require.
export default {
  id: "bump-too-small", n: 36, level: "major", direction: "none", layer: "policy",
  title: "declared version bump smaller than required",
  on: [],
  check: () => undefined,
};
