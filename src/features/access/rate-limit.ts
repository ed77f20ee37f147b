import type { Clock } from './config.ts';

/**
 * Counts events per key in a sliding window, in memory (one process; a cluster would need a shared store).
 * Keys with no recent events are dropped, and the map is capped so that a flood of keys cannot exhaust memory.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Events of `key` inside the window. */
  count(key: string): number {
    return this.recent(key).length;
  }

  /** Records one event of `key`. */
  hit(key: string): void {
    const recent = this.recent(key);
    recent.push(this.clock.now().getTime());
    this.events.delete(key);
    this.events.set(key, recent);
    if (this.events.size > this.maxKeys) {
      const oldest = this.events.keys().next().value;
      if (oldest !== undefined) this.events.delete(oldest);
    }
  }

  /** Forgets a key (after a successful sign-in). */
  reset(key: string): void {
    this.events.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - this.windowMs;
    const kept = (this.events.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.events.delete(key);
    else this.events.set(key, kept);
    return kept;
  }
}

/** The sign-in limiters: failed attempts per client address and per username. */
export type SignInLimiters = { byIp: SlidingWindowLimiter; byUsername: SlidingWindowLimiter };

/** Makes the sign-in limiters for one app. */
export function signInLimiters(clock: Clock, windowSeconds: number): SignInLimiters {
  return { byIp: new SlidingWindowLimiter(clock, windowSeconds * 1000), byUsername: new SlidingWindowLimiter(clock, windowSeconds * 1000) };
}
