// The registry of every check: one file per rule (its id, level, direction, layer, title, the
// structural differences it reads, and its function). Keep the list sorted; a test fails when a
// file in this folder is missing here or a rule has no fixture.
import bumpTooSmall from "./bump-too-small.mjs";
import componentSchemaAdded from "./component-schema-added.mjs";
import componentSchemaRemoved from "./component-schema-removed.mjs";
import deprecationWithdrawn from "./deprecation-withdrawn.mjs";
import discriminatorChanged from "./discriminator-changed.mjs";
import docsChanged from "./docs-changed.mjs";
import mediaTypeAdded from "./media-type-added.mjs";
import mediaTypeRemoved from "./media-type-removed.mjs";
import operationAdded from "./operation-added.mjs";
import operationDeprecated from "./operation-deprecated.mjs";
import operationIdChanged from "./operation-id-changed.mjs";
import operationIdRespelled from "./operation-id-respelled.mjs";
import operationRemoved from "./operation-removed.mjs";
import paramAddedOptional from "./param-added-optional.mjs";
import paramAddedRequired from "./param-added-required.mjs";
import paramBecameOptional from "./param-became-optional.mjs";
import paramBecameRequired from "./param-became-required.mjs";
import paramConstraintTightened from "./param-constraint-tightened.mjs";
import paramDefaultChanged from "./param-default-changed.mjs";
import paramDeprecated from "./param-deprecated.mjs";
import paramEnumNarrowed from "./param-enum-narrowed.mjs";
import paramRemoved from "./param-removed.mjs";
import paramSerializationChanged from "./param-serialization-changed.mjs";
import paramTypeNarrowed from "./param-type-narrowed.mjs";
import pathParamRenamed from "./path-param-renamed.mjs";
import removedBeforeSunset from "./removed-before-sunset.mjs";
import requestBodyAddedOptional from "./request-body-added-optional.mjs";
import requestBodyBecameOptional from "./request-body-became-optional.mjs";
import requestBodyRemoved from "./request-body-removed.mjs";
import requestBodyRequired from "./request-body-required.mjs";
import requestConstraintLoosened from "./request-constraint-loosened.mjs";
import requestConstraintTightened from "./request-constraint-tightened.mjs";
import requestDiscriminatorChanged from "./request-discriminator-changed.mjs";
import requestEnumNarrowed from "./request-enum-narrowed.mjs";
import requestEnumWidened from "./request-enum-widened.mjs";
import requestPropertyAddedOptional from "./request-property-added-optional.mjs";
import requestPropertyAddedRequired from "./request-property-added-required.mjs";
import requestPropertyBecameOptional from "./request-property-became-optional.mjs";
import requestPropertyBecameRequired from "./request-property-became-required.mjs";
import requestPropertyRemoved from "./request-property-removed.mjs";
import requestTypeNarrowed from "./request-type-narrowed.mjs";
import requestTypeWidened from "./request-type-widened.mjs";
import responseBecameNullable from "./response-became-nullable.mjs";
import responseConstraintLoosened from "./response-constraint-loosened.mjs";
import responseConstraintTightened from "./response-constraint-tightened.mjs";
import responseEnumNarrowed from "./response-enum-narrowed.mjs";
import responseEnumWidened from "./response-enum-widened.mjs";
import responseHeaderAdded from "./response-header-added.mjs";
import responseHeaderWeakened from "./response-header-weakened.mjs";
import responsePropertyAdded from "./response-property-added.mjs";
import responsePropertyBecameOptional from "./response-property-became-optional.mjs";
import responsePropertyBecameRequired from "./response-property-became-required.mjs";
import responsePropertyRemoved from "./response-property-removed.mjs";
import responseStatusAdded from "./response-status-added.mjs";
import responseStatusRemoved from "./response-status-removed.mjs";
import responseTypeNarrowed from "./response-type-narrowed.mjs";
import responseTypeWidened from "./response-type-widened.mjs";
import schemaDeprecated from "./schema-deprecated.mjs";
import schemaKeywordUnmodelled from "./schema-keyword-unmodelled.mjs";
import securityLoosened from "./security-loosened.mjs";
import securitySchemeAdded from "./security-scheme-added.mjs";
import securitySchemeChanged from "./security-scheme-changed.mjs";
import securityTightened from "./security-tightened.mjs";
import serverChanged from "./server-changed.mjs";
import serverUrlChanged from "./server-url-changed.mjs";
import stabilityDecreased from "./stability-decreased.mjs";
import stabilityRaised from "./stability-raised.mjs";
import successResponseRemoved from "./success-response-removed.mjs";
import tagChanged from "./tag-changed.mjs";
import tagRespelled from "./tag-respelled.mjs";
import webhookAdded from "./webhook-added.mjs";
import webhookBodyChanged from "./webhook-body-changed.mjs";
import webhookRemoved from "./webhook-removed.mjs";

/** @type {Array<import("./effects.mjs").Check>} */
export const CHECKS = [
  bumpTooSmall,
  componentSchemaAdded,
  componentSchemaRemoved,
  deprecationWithdrawn,
  discriminatorChanged,
  docsChanged,
  mediaTypeAdded,
  mediaTypeRemoved,
  operationAdded,
  operationDeprecated,
  operationIdChanged,
  operationIdRespelled,
  operationRemoved,
  paramAddedOptional,
  paramAddedRequired,
  paramBecameOptional,
  paramBecameRequired,
  paramConstraintTightened,
  paramDefaultChanged,
  paramDeprecated,
  paramEnumNarrowed,
  paramRemoved,
  paramSerializationChanged,
  paramTypeNarrowed,
  pathParamRenamed,
  removedBeforeSunset,
  requestBodyAddedOptional,
  requestBodyBecameOptional,
  requestBodyRemoved,
  requestBodyRequired,
  requestConstraintLoosened,
  requestConstraintTightened,
  requestDiscriminatorChanged,
  requestEnumNarrowed,
  requestEnumWidened,
  requestPropertyAddedOptional,
  requestPropertyAddedRequired,
  requestPropertyBecameOptional,
  requestPropertyBecameRequired,
  requestPropertyRemoved,
  requestTypeNarrowed,
  requestTypeWidened,
  responseBecameNullable,
  responseConstraintLoosened,
  responseConstraintTightened,
  responseEnumNarrowed,
  responseEnumWidened,
  responseHeaderAdded,
  responseHeaderWeakened,
  responsePropertyAdded,
  responsePropertyBecameOptional,
  responsePropertyBecameRequired,
  responsePropertyRemoved,
  responseStatusAdded,
  responseStatusRemoved,
  responseTypeNarrowed,
  responseTypeWidened,
  schemaDeprecated,
  schemaKeywordUnmodelled,
  securityLoosened,
  securitySchemeAdded,
  securitySchemeChanged,
  securityTightened,
  serverChanged,
  serverUrlChanged,
  stabilityDecreased,
  stabilityRaised,
  successResponseRemoved,
  tagChanged,
  tagRespelled,
  webhookAdded,
  webhookBodyChanged,
  webhookRemoved,
];
