// A fleet of real Node processes (worker.mjs), each a UniCourt client, for the Redis scenarios
// (../fleet.test.ts) and the benchmark (scripts/bench/token-store.mjs). Types: fleet.d.mts.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const WORKER = fileURLToPath(new URL("./worker.mjs", import.meta.url));

export class Worker {
  #child;
  #waiting = new Map();
  #next = 0;

  constructor(child) {
    this.#child = child;
    child.on("message", (message) => {
      const waiter = message.id === undefined ? undefined : this.#waiting.get(message.id);
      if (!waiter) return;
      this.#waiting.delete(message.id);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(message.error));
    });
    child.on("exit", () => {
      for (const waiter of this.#waiting.values()) waiter.reject(new Error("the worker exited"));
      this.#waiting.clear();
    });
  }

  /** Forks a worker and configures its client. */
  static async start(config) {
    const child = fork(WORKER, [], { stdio: ["ignore", "inherit", "inherit", "ipc"], serialization: "json" });
    await new Promise((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`the worker exited (${code}) before it was ready`)));
    });
    const worker = new Worker(child);
    await worker.configure(config);
    return worker;
  }

  #send(cmd, args = {}) {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#child.send({ id, cmd, ...args });
    });
  }

  configure(config) {
    return this.#send("configure", { config });
  }
  tokens(callers) {
    return this.#send("tokens", { callers });
  }
  fetch(callers) {
    return this.#send("fetch", { callers });
  }
  async events() {
    return (await this.#send("events")).events;
  }
  /** SIGKILL, as a crash (or an OOM kill) would. */
  async kill() {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    await new Promise((resolve) => {
      this.#child.once("exit", () => resolve());
      this.#child.kill("SIGKILL");
    });
  }
  /** Ends the worker (its store closes with the process). */
  async stop() {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    await new Promise((resolve) => {
      this.#child.once("exit", () => resolve());
      this.#child.disconnect();
    });
  }
}

/** Starts `size` workers at once. */
export function startFleet(size, config) {
  return Promise.all(Array.from({ length: size }, () => Worker.start(config)));
}
