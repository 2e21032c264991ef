// The load that profile.mjs runs under `node --cpu-prof`: one client variant, warmed up, then a
// fixed number of calls at a fixed concurrency. Prints the monotonic time window of the measured
// calls (µs, the clock of the profile's timestamps) so the analysis can drop warm-up samples.
// Usage: node --cpu-prof ... lib/profile-load.mjs <server-url> <variant-id> <concurrency> <calls>
import { loadClients } from "./clients.mjs";

const [url, id, concurrencyArg, callsArg] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const calls = Number(callsArg);
const clients = await loadClients(url);
const variant = clients.groups.flatMap((group) => group.variants).find((v) => v.id === id);
if (!variant) throw new Error(`profile-load: no variant ${id} in lib/clients.mjs`);

async function load(total) {
  let next = 0;
  const worker = async () => {
    while (next++ < total) await variant.call();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

await load(Math.min(2000, calls));
const startUs = Number(process.hrtime.bigint() / 1000n);
const cpuBefore = process.cpuUsage();
await load(calls);
// CPU time actually used by the process (user + system, all threads): unlike profile samples,
// it does not grow when other processes on a busy machine take the CPU away.
const cpu = process.cpuUsage(cpuBefore);
const endUs = Number(process.hrtime.bigint() / 1000n);
clients.close();
process.stdout.write(JSON.stringify({ label: variant.label, startUs, endUs, calls, cpuUs: cpu.user + cpu.system }));
