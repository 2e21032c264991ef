// Starts lib/server.mjs in a child process and talks to it over IPC: its URL, request counts, close.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const SERVER = fileURLToPath(new URL("./server.mjs", import.meta.url));

export async function startServerProcess() {
  const child = fork(SERVER, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const next = (type) => new Promise((resolve) => {
    const onMessage = (message) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      resolve(message);
    };
    child.on("message", onMessage);
  });
  const { port } = await next("listening");
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    /** Requests received per path since the last reset. */
    async counts() {
      const reply = next("count");
      child.send({ type: "count" });
      return (await reply).counts;
    },
    async reset() {
      const reply = next("reset");
      child.send({ type: "reset" });
      await reply;
    },
    close: () => new Promise((resolve) => {
      child.once("exit", resolve);
      child.send({ type: "close" });
    }),
  };
}
