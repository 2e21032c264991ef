import { describe, expect, it } from "vitest";
import { ValidationError, resolveBaseUrl } from "../src/internal.js";

const environments = { production: "https://api.example.com/", staging: "https://staging.example.com" } as const;
const resolve = (extra: Partial<Parameters<typeof resolveBaseUrl<"production" | "staging">>[0]>) =>
  resolveBaseUrl({ environments, defaultEnvironment: "production", ...extra });

describe("resolveBaseUrl", () => {
  it("uses the default environment, a named one, or an explicit URL, without trailing slash", () => {
    expect(resolve({})).toBe("https://api.example.com");
    expect(resolve({ environment: "staging" })).toBe("https://staging.example.com");
    expect(resolve({ baseUrl: "https://proxy.example.com/base/" })).toBe("https://proxy.example.com/base");
  });

  it("allows plain http to loopback only, unless opted in", () => {
    expect(resolve({ baseUrl: "http://127.0.0.1:8080" })).toBe("http://127.0.0.1:8080");
    expect(resolve({ baseUrl: "http://localhost:1" })).toBe("http://localhost:1");
    expect(resolve({ baseUrl: "http://[::1]:1" })).toBe("http://[::1]:1");
    expect(() => resolve({ baseUrl: "http://api.example.com" })).toThrow(ValidationError);
    expect(resolve({ baseUrl: "http://api.example.com", allowInsecureHttp: true })).toBe("http://api.example.com");
  });

  it("rejects malformed URLs, other protocols, credentials, unknown environments", () => {
    expect(() => resolve({ baseUrl: "not a url" })).toThrow(/baseUrl: "not a url" is not an absolute URL/);
    expect(() => resolve({ baseUrl: "ftp://x.example.com" })).toThrow(/protocol ftp:/);
    expect(() => resolve({ baseUrl: "https://user:pw@x.example.com" })).toThrow(/credentials/);
    expect(() => resolve({ environment: "qa" as never })).toThrow(/environment: "qa" is not one of: production, staging/);
  });
});
