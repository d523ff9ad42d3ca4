/** A source of the current time, injected so tests are deterministic. */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to (tests). */
export class FixedClock implements Clock {
  constructor(private current: Date = new Date('2026-01-15T10:00:00.000Z')) {}
  /** Current fixed time. */
  now(): Date {
    return new Date(this.current.getTime());
  }
  /** Move forward by milliseconds. */
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  /** Jump to a time. */
  set(date: Date): void {
    this.current = new Date(date.getTime());
  }
}
