// Steps, progress and the summary of the demo. A step runs one part of a vendor's lifecycle and
// records the HTTP calls the fake saw during it, its result (a short text without secrets) and
// its duration. Progress goes to stderr (one line, rewritten on a terminal); tables to stdout.

const SECRET_LIKE = /\btest-[a-z]+-(?:access-token|token|secret|refresh|api-key|app-secret|code|document-key|admin-token)[\w.\-]*/gi;
/** Masks anything shaped like one of the fakes' tokens or secrets (a last line of defence). */
export const mask = (text) => String(text).replace(SECRET_LIKE, "[redacted]");

export class Vendor {
  constructor(name, fake) {
    this.name = name;
    this.fake = fake;
    this.steps = [];
  }

  /**
   * Runs `fn` (returns the result text). `expectError` names an error class that is the expected
   * outcome (a documented rule of the API, e.g. the 11th token): the step passes when it is thrown.
   */
  async step(title, fn, { expectError } = {}) {
    progress(`${this.name}: ${title}`);
    const before = this.fake.requests.length;
    const started = performance.now();
    let ok = true;
    let result;
    try {
      result = await fn();
      if (expectError) {
        ok = false;
        result = `expected ${expectError}, but it succeeded`;
      }
    } catch (error) {
      if (expectError && error?.name === expectError) {
        const code = error.code && error.code !== String(error.status) ? ` (${error.code})` : "";
        result = `${error.name} ${error.status ?? ""} as expected${code}`.replace(/\s+/g, " ");
      }
      else {
        ok = false;
        result = `FAILED: ${error?.name ?? "Error"}: ${error?.message ?? error}`;
      }
    }
    this.steps.push({ title, calls: this.fake.requests.length - before, result: mask(result), ms: performance.now() - started, ok });
  }

  /** The last step of every vendor: no request broke the spec and no answer of the fake did. */
  async specCheck() {
    await this.step("spec check of every request and answer", () => {
      const { violations } = this.fake;
      if (violations.length) throw new Error(`${violations.length} violation(s): ${violations.map((v) => `${v.kind} ${v.operationId ?? v.path}: ${v.errors.join("; ")}`).join(" | ")}`);
      return `${this.fake.requests.length} requests, 0 violations`;
    });
  }

  get failed() {
    return this.steps.filter((s) => !s.ok).length;
  }
}

let progressShown = false;
let lastVendor;
/** On a terminal, one line rewritten per step; in a log, one line per vendor. */
export function progress(text) {
  if (process.stderr.isTTY) {
    const line = `  ▸ ${text}`.slice(0, (process.stderr.columns || 100) - 1);
    process.stderr.write(`\r\x1b[2K${line}`);
    progressShown = true;
    return;
  }
  const vendor = text.split(":")[0];
  if (vendor !== lastVendor) process.stderr.write(`  ▸ ${vendor}…\n`);
  lastVendor = vendor;
}
export function clearProgress() {
  if (progressShown) process.stderr.write("\r\x1b[2K");
  progressShown = false;
}

/** One plain-text table per vendor. */
export function printSummary(vendors) {
  const headers = ["step", "HTTP calls", "result", "ms"];
  for (const vendor of vendors) {
    const rows = vendor.steps.map((s) => [`${s.ok ? "✓" : "✗"} ${s.title}`, String(s.calls), s.result, s.ms.toFixed(1)]);
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => `  ${cells.map((c, i) => (i === 1 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ")}`.trimEnd();
    const calls = vendor.steps.reduce((n, s) => n + s.calls, 0);
    const ms = vendor.steps.reduce((n, s) => n + s.ms, 0);
    console.log(`\n${vendor.name} (${vendor.fake.url}): ${vendor.steps.length - vendor.failed}/${vendor.steps.length} steps passed, ${calls} HTTP calls, ${ms.toFixed(0)} ms`);
    console.log(line(headers));
    console.log(line(widths.map((w) => "-".repeat(w))));
    for (const row of rows) console.log(line(row));
  }
}
