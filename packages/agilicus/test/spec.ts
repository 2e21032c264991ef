// specs/agilicus.yaml as data (its generated module, which the freshness test keeps equal to the YAML), so
// tests derive their expectations from the spec itself.
import generatedSpec from "../src/generated/spec.gen.js";

interface Parameter {
  name: string;
  in: string;
  schema: { type: string; format?: string; maximum?: number; minimum?: number; default?: unknown };
}
export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  parameters: Parameter[];
  responses: Record<string, { description: string; content?: unknown }>;
}

type Doc = { paths: Record<string, Record<string, { operationId: string; parameters?: Array<Parameter | { $ref: string }>; responses: SpecOperation["responses"] }>>; components: { parameters: Record<string, Parameter> } };

export const spec = generatedSpec as unknown as Doc;

const resolve = (parameter: Parameter | { $ref: string }): Parameter =>
  "$ref" in parameter ? spec.components.parameters[parameter.$ref.split("/").pop()!]! : parameter;

export const specOperations: SpecOperation[] = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    operationId: operation.operationId,
    method: method.toUpperCase(),
    path,
    parameters: (operation.parameters ?? []).map(resolve),
    responses: operation.responses,
  })),
);

/** [operationId, status, description] of every 4xx/5xx response the spec documents. */
export const documentedErrors: Array<[string, number, string]> = specOperations.flatMap((operation) =>
  Object.entries(operation.responses)
    .filter(([status]) => Number(status) >= 400)
    .map(([status, response]) => [operation.operationId, Number(status), response.description] as [string, number, string]),
);
