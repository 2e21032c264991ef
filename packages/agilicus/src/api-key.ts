// Agilicus API keys as HTTP basic auth: "In order to use an API Key, present it using http basic
// authentication using your email address as the user name" (the APIKey model of the spec; the
// spec's `api-key-basic` scheme, decision api-key-basic-auth).
import { ValidationError, basicCredential, requireString } from "@vendor-auth/core/internal";

/** An API key and the e-mail address of its user (the key is `status.api_key` of createApiKey, shown once). */
export interface AgilicusApiKey {
  /** The e-mail address of the key's user: the basic-auth user name. */
  email: string;
  /** The key: the basic-auth password. Never appears in errors, logs or serialised forms of the client. */
  key: string;
}

/** The checked `apiKey` option and its basic-auth credential (what follows "Basic "); undefined when absent. */
export function apiKeyAuthorization(value: unknown): { key: string; credential: string } | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object") throw new ValidationError("apiKey", "must be an object { email, key }");
  const { email, key } = value as Partial<AgilicusApiKey>;
  const password = requireString("apiKey.key", key);
  return { key: password, credential: basicCredential("apiKey.email", requireString("apiKey.email", email), password) };
}
