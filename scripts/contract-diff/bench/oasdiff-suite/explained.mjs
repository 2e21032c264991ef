// The differences between our verdict and an oasdiff test's label that are deliberate, by test
// name: "policy" where our rule set judges the pair otherwise on purpose (docs/contract-diff.md says
// why), "bad-label" where the label does not hold for the pair as a whole. Differences that the
// oasdiff binary itself resolves in our favour are classified by run.mjs and need no entry here.

const DEPRECATION_WITHOUT_SUNSET = "our deprecation policy (rule 35): every deprecation carries a valid x-sunset, whatever its x-stability-level; oasdiff requires one only with --deprecation-days";
const REMOVED_AFTER_SUNSET = "SDK layer: the generated method (or the typed parameter key) disappears, so a removal is major even after its sunset; oasdiff allows removal once the sunset has passed";
const PATH_LEVEL_PARAMS = "oasdiff checks path-level parameters only with --flatten-params (its next test asserts the break with it); this pair changes path-level parameters";
const REQUEST_DISCRIMINATOR = "SDK layer (rule 27): typescript-fetch's ToJSON dispatches on the discriminator's property and mapping, so a request discriminator change is warn; oasdiff rates it INFO";
const COMPONENT_REMOVED = "SDK layer (rule 9): the revision also removes a component schema, an exported type of the package; oasdiff rates api-schema-removed INFO";
const LOOSELY_TYPED = "SDK layer: the generated model type follows the schema whatever the media type, so object → string changes the TypeScript type even for XML; oasdiff treats XML bodies as loosely typed";

export const EXPLAINED = {
  TestBreaking_DeprecationWithoutSunset: { kind: "policy", reason: DEPRECATION_WITHOUT_SUNSET },
  TestBreaking_DeprecationForAlpha: { kind: "policy", reason: DEPRECATION_WITHOUT_SUNSET },
  TestApiDeprecated_MessageWithoutDetails: { kind: "policy", reason: DEPRECATION_WITHOUT_SUNSET },
  TestApiDeprecated_MessageIncludesStabilityOnly: { kind: "policy", reason: DEPRECATION_WITHOUT_SUNSET },
  TestBreaking_ParameterDeprecationWithoutSunset: { kind: "policy", reason: DEPRECATION_WITHOUT_SUNSET },
  TestBreaking_ParameterDeprecationForAlpha: { kind: "policy", reason: DEPRECATION_WITHOUT_SUNSET },
  TestParameterDeprecated_MessageWithoutDetails: { kind: "policy", reason: DEPRECATION_WITHOUT_SUNSET },
  TestParameterDeprecated_MessageIncludesStabilityOnly: { kind: "policy", reason: DEPRECATION_WITHOUT_SUNSET },
  TestRequestPropertyDeprecation_ForAlpha: { kind: "policy", reason: DEPRECATION_WITHOUT_SUNSET },
  TestRequestPropertyDeprecation_MessageWithoutDetails: { kind: "policy", reason: DEPRECATION_WITHOUT_SUNSET },
  TestResponsePropertyDeprecation_ForAlpha: { kind: "policy", reason: DEPRECATION_WITHOUT_SUNSET },
  TestResponsePropertyDeprecation_MessageWithoutDetails: { kind: "policy", reason: DEPRECATION_WITHOUT_SUNSET },
  TestBreaking_DeprecationPast: { kind: "policy", reason: REMOVED_AFTER_SUNSET },
  TestBreaking_DeprecationPathPast: { kind: "policy", reason: REMOVED_AFTER_SUNSET },
  TestBreaking_ParameterDeprecationPast: { kind: "policy", reason: REMOVED_AFTER_SUNSET },
  TestBreaking_ParameterDeprecationNoSunset: { kind: "policy", reason: REMOVED_AFTER_SUNSET },
  TestBreaking_RemovedParameterForAlpha: { kind: "policy", reason: "SDK layer: the typed parameter key disappears whatever the operation's x-stability-level; oasdiff lets draft and alpha operations drop parameters" },
  TestComponentSecurityRemoved: { kind: "policy", reason: "rule 7: a removed security scheme is major (the package's auth configuration for it goes); oasdiff rates api-security-component-removed INFO" },
  TestBreaking_Servers: { kind: "policy", reason: "SDK layer (rule 8): servers[0] is the generated default base URL, so changing it is warn; oasdiff has no server rules" },
  TestRequestDiscriminatorUpdatedCheckAdded: { kind: "policy", reason: REQUEST_DISCRIMINATOR },
  TestRequestDiscriminatorUpdatedCheckRemoved: { kind: "policy", reason: REQUEST_DISCRIMINATOR },
  TestRequestDiscriminatorUpdatedCheckMappingChanging: { kind: "policy", reason: REQUEST_DISCRIMINATOR },
  TestRequestQueryParamMultiTypeToFormExplodeArraySafe: { kind: "policy", reason: "SDK layer: the wire stays compatible under form/explode, but the parameter's TypeScript type changes from a scalar union to an array" },
  TestRequestBodyTypeLooselyTypedCompatible: { kind: "policy", reason: LOOSELY_TYPED },
  TestResponseBodyTypeLooselyTypedCompatible: { kind: "policy", reason: LOOSELY_TYPED },
  TestResponsePropertyAnyOfRemoved: { kind: "policy", reason: COMPONENT_REMOVED },
  TestResponsePropertyOneOfRemoved: { kind: "policy", reason: COMPONENT_REMOVED },
  TestWebhookOperationChangesDetected: { kind: "policy", reason: "webhooks are judged as their consumer sees them: the webhook's request body is received, so it becoming required is not breaking; oasdiff judges it like a request the client sends" },
  TestBreaking_RequestParameterMaxItemsWithoutFlatten: { kind: "bad-label", reason: PATH_LEVEL_PARAMS },
  TestNewRequestNonPathParameter_DetectsNewPathsAndNewOperations: { kind: "bad-label", reason: `${PATH_LEVEL_PARAMS} (three path-level parameters are removed)` },
  TestResponseDiscriminatorUpdatedCheckPropertyNameChanging: { kind: "bad-label", reason: "single-check test (discriminator only): the revision also renames the response properties petType and name, which removes them from every response; oasdiff reports only the new names, as added" },
};
