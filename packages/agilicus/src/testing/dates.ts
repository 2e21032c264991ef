// Dates as the Agilicus service reads them, for the fake.
//
// - A date-time (`format: date-time` in the spec): RFC 3339, and also what the vendor's own
//   clients send besides it: no offset (read as UTC; the CLI sends `datetime.utcnow()`), a space
//   instead of `T` (`str(datetime)`), any number of fraction digits (Python: microseconds).
// - The list_tokens filters exp_from/exp_to/iat_from/iat_to, which the vendor parses with
//   dateparser: every date-time above, a date (`2021-03-23`, midnight UTC), a Unix timestamp in
//   seconds, `now`/`today`/`yesterday`/`tomorrow` (today = now, as dateparser reads it), and
//   relative forms: `1 hour ago`, `an hour ago`, `2 days 3 hours ago`, `in 3 days`, `in 1 week`
//   (units: second, minute, hour, day, week, month, year; singular, plural or short: sec, min, hr).
//   Anything else is answered 400, with these forms in the message.

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch milliseconds of a date-time the service reads, or undefined. */
export function parseServiceDateTime(value: string): number | undefined {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction = "", zulu, sign, offsetHours, offsetMinutes] = match;
  const ms = Number(fraction.padEnd(3, "0").slice(0, 3));
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(local);
  // Date.UTC rolls 2021-02-30 over to March: refuse what is not a real calendar time.
  if (check.getUTCFullYear() !== Number(y) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  if (zulu || !sign) return local;
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  return sign === "+" ? local - offset : local + offset;
}

/** The `date-time` format check of the fake (see parseServiceDateTime). */
export const isServiceDateTime = (value: string): boolean => parseServiceDateTime(value) !== undefined;

/** What the message of a date the fake cannot read lists. */
export const DATE_FILTER_FORMS = 'an ISO 8601 date or date-time (no offset = UTC), a Unix timestamp, now, today, yesterday, tomorrow, "<n> <unit>s ago" or "in <n> <unit>s"';

const UNIT = /^(second|sec|minute|min|hour|hr|day|week|month|year)s?$/;
const FIXED_MS: Record<string, number> = { second: 1000, sec: 1000, minute: 60_000, min: 60_000, hour: 3_600_000, hr: 3_600_000, day: 86_400_000, week: 604_800_000 };

/** Epoch milliseconds of a list_tokens date filter relative to `now`, or undefined (see the file comment). */
export function parseDateFilter(value: string, now: number): number | undefined {
  const text = value.trim().toLowerCase();
  const exact = parseServiceDateTime(value);
  if (exact !== undefined) return exact;
  const date = DATE.exec(text);
  if (date) return parseServiceDateTime(`${text}T00:00:00Z`);
  if (/^\d{9,11}$/.test(text)) return Number(text) * 1000;
  const named: Record<string, number> = { now: 0, today: 0, yesterday: -1, tomorrow: 1 };
  if (text in named) return now + named[text]! * 86_400_000;

  const words = text.split(/\s+/);
  let direction: 1 | -1;
  if (words[0] === "in") {
    direction = 1;
    words.shift();
  } else if (words.at(-1) === "ago") {
    direction = -1;
    words.pop();
  } else return undefined;
  if (words.length === 0 || words.length % 2 !== 0) return undefined;
  const at = new Date(now);
  for (let i = 0; i < words.length; i += 2) {
    const count = words[i] === "a" || words[i] === "an" ? 1 : /^\d+$/.test(words[i]!) ? Number(words[i]) : Number.NaN;
    const unit = UNIT.exec(words[i + 1]!)?.[1];
    if (!Number.isFinite(count) || unit === undefined) return undefined;
    // Months and years are calendar steps (dateparser's relativedelta); the rest are fixed lengths.
    if (unit === "month") at.setUTCMonth(at.getUTCMonth() + direction * count);
    else if (unit === "year") at.setUTCFullYear(at.getUTCFullYear() + direction * count);
    else at.setTime(at.getTime() + direction * count * FIXED_MS[unit]!);
  }
  return at.getTime();
}
