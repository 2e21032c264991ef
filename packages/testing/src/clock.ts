// A clock that moves only when told to: pass `clock.now` to a fake (and to a client's `now` option
// where it has one) and expire tokens or sessions with `clock.advance(ms)`, without waiting and
// without wall-clock assertions.

export interface ManualClock {
  /** The current time in epoch milliseconds. Pass it as a `now` option (it is bound). */
  readonly now: () => number;
  /** Moves the clock forward by `ms` milliseconds (negative values are refused). */
  advance(ms: number): void;
  /** Sets the clock to an epoch-milliseconds value or a Date. */
  set(time: number | Date): void;
}

/** Default start: 2030-01-01T00:00:00Z, clearly not "now", so no test depends on the real date. */
export const DEFAULT_CLOCK_START = Date.UTC(2030, 0, 1);

export function createManualClock(start: number | Date = DEFAULT_CLOCK_START): ManualClock {
  let time = typeof start === "number" ? start : start.getTime();
  if (!Number.isFinite(time)) throw new RangeError("createManualClock: start must be a finite time");
  return {
    now: () => time,
    advance(ms) {
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) throw new RangeError("advance(ms): ms must be a finite number >= 0");
      time += ms;
    },
    set(next) {
      const value = typeof next === "number" ? next : next.getTime();
      if (!Number.isFinite(value)) throw new RangeError("set(time): time must be finite");
      time = value;
    },
  };
}
