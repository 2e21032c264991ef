// The fakes validate requests with openapi-backend (Ajv) and ajv-formats. Both are OPTIONAL peer
// dependencies of the packages: only users who start a fake need them, so they are imported when
// the first fake starts, and a missing one becomes an error that says what to install.
import type { Options as BackendOptions } from "openapi-backend";

/** The parts of openapi-backend's class the fake server uses (its own types stay out of our d.ts). */
export type BackendConstructor = new (options: BackendOptions) => import("openapi-backend").OpenAPIBackend;
export type FormatsPlugin = (ajv: never) => unknown;

export interface Peers {
  OpenAPIBackend: BackendConstructor;
  addFormats: FormatsPlugin;
}

const INSTALL = "npm install --save-dev openapi-backend ajv-formats";

/** A missing peer (ESM or CommonJS resolution), as opposed to a failure inside the peer itself. */
export function isMissingModule(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const notFound = code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND" || /Cannot find (module|package)/.test(String(message));
  return notFound && String(message).includes(name);
}

export function missingPeerError(name: string, cause: unknown): Error {
  return new Error(
    `The fakes of @vendor-auth/*/testing need the optional peer dependency "${name}", which is not installed. ` +
      `Install it next to the package in your test setup: ${INSTALL}`,
    { cause },
  );
}

/** CommonJS modules arrive as `{ default: module.exports }` or with their named exports; accept both. */
function pick<T>(module: unknown, named: string): T {
  const m = module as Record<string, unknown> & { default?: Record<string, unknown> | ((...args: never[]) => unknown) };
  const candidate = m[named] ?? (m.default as Record<string, unknown> | undefined)?.[named] ?? (m.default as { default?: unknown } | undefined)?.default ?? m.default;
  if (typeof candidate !== "function") throw new TypeError(`Unexpected module shape: no ${named} export`);
  return candidate as T;
}

let peers: Promise<Peers> | undefined;

/** Imports both peers once per process (a failure is not cached: installing and retrying works). */
export function loadPeers(): Promise<Peers> {
  peers ??= (async () => {
    // Literal specifiers, so bundlers and the CommonJS build see the dependency.
    const backend = await import("openapi-backend").catch((error: unknown) => {
      throw isMissingModule(error, "openapi-backend") ? missingPeerError("openapi-backend", error) : error;
    });
    const formats = await import("ajv-formats").catch((error: unknown) => {
      throw isMissingModule(error, "ajv-formats") ? missingPeerError("ajv-formats", error) : error;
    });
    return { OpenAPIBackend: pick<BackendConstructor>(backend, "OpenAPIBackend"), addFormats: pick<FormatsPlugin>(formats, "formatsPlugin") };
  })();
  peers.catch(() => {
    peers = undefined;
  });
  return peers;
}

