// @vendor-auth/token-store-redis/testing: a real Redis for your tests (and ours): Debian's `redis-server` (or `$REDIS_SERVER`, e.g. valkey-server) on a free
// loopback port, in a temporary directory, with no persistence; killed (SIGKILL, as a crash would)
// and started again on the same port by the scenarios that need an outage; removed by `close()`.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** SIGKILL: the server dies at once, with its data (there is no persistence). */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
}

const BINARY = process.env.REDIS_SERVER ?? "redis-server";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A server that is not the one we started answers on the port (another test suite's took it). */
class PortTaken extends Error {}

/** The process id of the Redis answering on `port` (`INFO server`), or undefined when none answers yet. */
function answeringPid(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    let text = "";
    const socket = createConnection({ host: "127.0.0.1", port }, () => socket.write("INFO server\r\n"));
    socket.setTimeout(1_000, () => (socket.destroy(), resolve(undefined)));
    socket.on("data", (data) => {
      text += data.toString();
      const pid = /process_id:(\d+)\r\n/.exec(text)?.[1];
      if (pid !== undefined) (socket.destroy(), resolve(Number(pid)));
    });
    socket.once("error", () => resolve(undefined));
    socket.once("close", () => resolve(undefined));
  });
}

/**
 * Resolves once our server answers (retried until `timeoutMs`). A free port can be taken between
 * `freePort()` and the server's bind (two suites on one machine): the answer is ours only when its
 * process id is our child's, never merely a PONG from whatever listens there.
 */
async function ready(port: number, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new PortTaken(`${BINARY} exited with ${child.exitCode} before it was ready (port ${port} taken?)`);
    const pid = await answeringPid(port);
    if (pid === child.pid) return;
    if (pid !== undefined) throw new PortTaken(`port ${port} is answered by another Redis (pid ${pid}), not ours (pid ${child.pid})`);
    if (Date.now() - started > timeoutMs) throw new Error(`${BINARY} did not answer on port ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function startRedisServer(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), "redis-test-"));
  let port = await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no", "--loglevel", "warning"];
    const spawned = spawn(BINARY, args, { stdio: ["ignore", "ignore", "pipe"] });
    child = spawned;
    await new Promise<void>((resolve, reject) => {
      spawned.once("spawn", resolve);
      spawned.once("error", (error: NodeJS.ErrnoException) =>
        reject(error.code === "ENOENT" ? new Error(`${BINARY} not found: install Redis (Debian: apt-get install redis-server) or set REDIS_SERVER`) : error),
      );
    });
    await ready(port, spawned);
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill("SIGKILL");
    });
  };

  // Another process may take the free port before our server binds it: a new port, a few times.
  for (let tries = 1; ; tries++) {
    try {
      await start();
      break;
    } catch (error) {
      await kill();
      if (!(error instanceof PortTaken) || tries >= 5) throw error;
      port = await freePort();
    }
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    start,
    async close() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
