// The generated TypeScript files that are not facts: models.gen.ts, sdk.gen.ts, operations.gen.ts
// (seed types), from a small spec written to a temporary file.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { generateModels } from "../models.mjs";
import { generateOperations } from "../operations.mjs";
import { generateSdkEntry } from "../sdk-entry.mjs";

const spec = {
  openapi: "3.0.3",
  info: { title: "entries test", version: "1" },
  paths: {
    "/oauth2/token": {
      post: {
        operationId: "getToken",
        tags: ["Authentication"],
        "x-seed-operations": [
          { operationId: "getTokenByPassword", seedPath: "/oauth2/token?Password", grant_type: "password", summary: "By password", requestSchema: "GrantRequestPassword", responseSchema: "GrantPassword" },
          { operationId: "getToken", requestSchema: "GrantRequestPassword" },
        ],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/GrantRequest" } } } },
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/GrantPassword" } } } } },
      },
    },
  },
  components: {
    schemas: {
      GrantRequest: { oneOf: [{ $ref: "#/components/schemas/GrantRequestPassword" }] },
      GrantRequestPassword: { type: "object", description: "A password */ grant", required: ["grant_type"], properties: { grant_type: { type: "string", enum: ["password"] }, username: { type: "string" } } },
      GrantPassword: { type: "object", properties: { access_token: { type: "string" } } },
      APIKey: { type: "object" },
    },
  },
};
const file = path.join(mkdtempSync(path.join(tmpdir(), "generate-test-")), "demo.yaml");
writeFileSync(file, stringify(spec));

describe("generated entries", () => {
  it("models.gen.ts: one type per component schema under the spec's own name, described", async () => {
    const text = await generateModels(file, "// header");
    expect(text).toContain('export type APIKey = components["schemas"]["APIKey"];');
    expect(text).toContain("/** A password * / grant */");
    expect(text.match(/^export type /gm)).toHaveLength(4);
  });

  it("operations.gen.ts: the seed operations as types with their scalar fields and models", async () => {
    const text = await generateOperations(file, "// header");
    expect(text).toContain('import type { components } from "./schema.gen.js";');
    expect(text).toContain('"getTokenByPassword": { readonly operation: "getToken"; readonly "seedPath": "/oauth2/token?Password"; readonly "grant_type": "password"; readonly "summary": "By password"; readonly request: components["schemas"]["GrantRequestPassword"]; readonly response: components["schemas"]["GrantPassword"] };');
  });

  it("sdk.gen.ts: createSdkConfiguration, and a seed method (not one named like its own operation) setting the seed's fixed field in the SDK's casing", async () => {
    const text = await generateSdkEntry(file, "demo", "// header");
    expect(text).toContain('export * from "./sdk/index.js";');
    expect(text).toContain("export function createSdkConfiguration(");
    expect(text).toContain("export class AuthenticationApi extends GeneratedAuthenticationApi {");
    expect(text).toContain("async getTokenByPassword(grantRequestPassword: Omit<GrantRequestPassword, \"grantType\">");
    expect(text).toContain('grantRequest: { ...grantRequestPassword, grantType: "password" }');
    expect(text).toContain("return GrantPasswordFromJSON(await response.raw.json());");
    expect(text.match(/async getToken\(/g)).toBeNull();
  });
});
