// A fleet of real Node processes (worker.mjs), each a UniCourt client, for the Redis scenarios.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const WORKER = fileURLToPath(new URL("./worker.mjs", import.meta.url));

export interface WorkerConfig {
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  redisUrl?: string | undefined;
  encryptionKey?: string | undefined;
  keyPrefix?: string | undefined;
  leaseMs?: number | undefined;
  retryAfterMs?: number | undefined;
  commandTimeoutMs?: number | undefined;
  reauthIntervalMs?: number | undefined;
}

export interface TokensResult {
  tokens: string[];
  failures: string[];
}
export interface FetchResult {
  statuses: number[];
  failures: string[];
}
export type StoreEvent = { type: string; action: string; reason: string };

export class Worker {
  readonly #child: ChildProcess;
  readonly #waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #next = 0;

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.on("message", (message: { id?: number; ok?: boolean; result?: unknown; error?: string }) => {
      const waiter = message.id === undefined ? undefined : this.#waiting.get(message.id);
      if (!waiter) return;
      this.#waiting.delete(message.id!);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(message.error));
    });
    child.on("exit", () => {
      for (const waiter of this.#waiting.values()) waiter.reject(new Error("the worker exited"));
      this.#waiting.clear();
    });
  }

  static async start(config: WorkerConfig): Promise<Worker> {
    const child = fork(WORKER, [], { stdio: ["ignore", "inherit", "inherit", "ipc"], serialization: "json" });
    await new Promise<void>((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`the worker exited (${code}) before it was ready`)));
    });
    const worker = new Worker(child);
    await worker.configure(config);
    return worker;
  }

  #send<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#child.send({ id, cmd, ...args });
    });
  }

  configure(config: WorkerConfig): Promise<void> {
    return this.#send("configure", { config });
  }
  tokens(callers: number): Promise<TokensResult> {
    return this.#send("tokens", { callers });
  }
  fetch(callers: number): Promise<FetchResult> {
    return this.#send("fetch", { callers });
  }
  async events(): Promise<StoreEvent[]> {
    return (await this.#send<{ events: StoreEvent[] }>("events")).events;
  }
  /** SIGKILL, as a crash (or an OOM kill) would. */
  async kill(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      this.#child.once("exit", () => resolve());
      this.#child.kill("SIGKILL");
    });
  }
  /** Ends the worker (its store closes with the process). */
  async stop(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      this.#child.once("exit", () => resolve());
      this.#child.disconnect();
    });
  }
}

/** Starts `size` workers at once. */
export async function startFleet(size: number, config: WorkerConfig): Promise<Worker[]> {
  return Promise.all(Array.from({ length: size }, () => Worker.start(config)));
}
