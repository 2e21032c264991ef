// openapi-typescript: the `paths`/`components` types the helper layers use with openapi-fetch.
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import { pathToFileURL } from "node:url";

/** Settings are part of the manifest hash: changing them marks every package stale. */
export const SCHEMA_TYPES_OPTIONS = {
  // `export type AccessTokenResponse = components["schemas"]["AccessTokenResponse"]` and so on.
  rootTypes: true,
  rootTypesNoSchemaPrefix: true,
  // Under the spec's own names (`APIKey`, not `ApiKey`): one name per model in `.`, `./sdk`, `./schema` and the docs.
  rootTypesKeepCasing: true,
  // Keep spec order: a reordering in the spec is then visible in the diff, and nothing else moves.
  alphabetize: false,
  // A field with a `default` is as optional as the spec says (openapi-typescript 7 would make it
  // required): `TokenIntrospectOptions.exclude_roles` may be left out of a request.
  defaultNonNullable: false,
};

export async function generateSchemaTypes(specPath) {
  const ast = await openapiTS(pathToFileURL(specPath), { ...SCHEMA_TYPES_OPTIONS, silent: true });
  return COMMENT_HEADER + astToString(ast);
}
