// One loopback server per test file, started before its tests and closed after them; between tests
// its recorded requests are cleared and its handler reset to 404, so no test sees another's state.
import { afterAll, afterEach, beforeAll } from "vitest";
import { startLoopbackServer, type Handler, type LoopbackServer } from "./loopback-server.js";

export function useLoopbackServer(): LoopbackServer {
  let server: LoopbackServer | undefined;
  beforeAll(async () => {
    server = await startLoopbackServer();
  });
  afterAll(() => server?.close());
  afterEach(() => {
    server!.requests.length = 0;
    server!.setHandler(() => ({ status: 404 }));
  });
  const started = () => {
    if (!server) throw new Error("useLoopbackServer(): the server starts in beforeAll; use it inside tests");
    return server;
  };
  return {
    get url() {
      return started().url;
    },
    get requests() {
      return started().requests;
    },
    setHandler: (handler: Handler) => started().setHandler(handler),
    close: () => started().close(),
  };
}
