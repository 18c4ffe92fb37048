/** How an AdaptiveRate paces, backs off and recovers. */
export interface AdaptiveRateSettings {
  /** Requests per second at the start. */
  initialPerSecond: number;
  /** The ceiling: never more requests per second than this. */
  maxPerSecond: number;
  /** The rate never drops below this, however often the service throttles. */
  minPerSecond: number;
  /** Factor the rate is multiplied by when the service throttles (0.7, as TCP CUBIC backs off). */
  decrease: number;
  /** Requests per second added for each second spent sending at the full rate (additive increase). */
  increasePerSecond: number;
  /** Pause after a throttled answer that gave no Retry-After. */
  defaultPauseMs: number;
}

/** What `take` hands out: given back with the answer, so one burst of 429s backs off only once. */
export interface RateTicket {
  readonly epoch: number;
  readonly cost: number;
  /** Whether the rate (not the caller) held this request back: only then may the rate grow. */
  readonly waited: boolean;
}

export interface RateClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: RateClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/**
 * Lateness of a timer that is not held against the next request, so that timers firing a little late
 * do not lower the rate; it is also the largest burst after a lull (at 500/s, five requests).
 */
const SLACK_MS = 10;

/**
 * Client-side rate control for one throttling budget (an app's calls to one service): requests are
 * spaced at the current rate (a token bucket without burst), a throttled answer pauses every request
 * for its Retry-After and cuts the rate by `decrease`, and requests that succeed while the rate held
 * them back raise it: doubling each second until the service first throttles (the start rate is a
 * guess), then by `increasePerSecond` each second (AIMD, as TCP finds a link's capacity). Graph's
 * guidance: wait the Retry-After, then reduce the frequency of calls (learn.microsoft.com/graph/throttling,
 * "Best practices"). Hand-written: p-queue, p-throttle and limiter pace at a fixed rate and adapt to
 * nothing; bottleneck could be re-set by hand but has had no release since 2019. The AIMD rule is the
 * part that matters, and the pacing under it is a dozen lines.
 */
export class AdaptiveRate {
  private rate: number;
  private nextAt = -Infinity;
  private pausedUntil = -Infinity;
  private epoch = 0;
  /** Until the first throttled answer the rate doubles each second it is used (TCP's slow start). */
  private slowStart = true;

  constructor(
    private readonly settings: AdaptiveRateSettings,
    private readonly clock: RateClock = realClock,
  ) {
    if (!(settings.minPerSecond > 0 && settings.minPerSecond <= settings.maxPerSecond))
      throw new Error('AdaptiveRate: need 0 < minPerSecond <= maxPerSecond');
    this.rate = clamp(settings.initialPerSecond, settings.minPerSecond, settings.maxPerSecond);
  }

  /** Requests per second allowed now. */
  get perSecond(): number {
    return this.rate;
  }

  /** Waits until `cost` requests (a $batch counts its items) may be sent; returns their ticket. */
  async take(cost = 1): Promise<RateTicket> {
    let waited = false;
    for (;;) {
      const now = this.clock.now();
      const at = Math.max(this.nextAt, this.pausedUntil);
      if (at <= now) {
        this.nextAt = Math.max(this.nextAt, now - SLACK_MS) + (cost * 1000) / this.rate;
        return { epoch: this.epoch, cost, waited };
      }
      waited = true;
      await this.clock.sleep(at - now);
    }
  }

  /** The service throttled the ticket's requests: pause for `retryAfterMs` and lower the rate once per burst. */
  throttled(ticket: RateTicket, retryAfterMs: number | undefined): void {
    const now = this.clock.now();
    this.pausedUntil = Math.max(this.pausedUntil, now + (retryAfterMs ?? this.settings.defaultPauseMs));
    // Requests sent before the last cut were sent at the old rate: their 429s are the same burst.
    if (ticket.epoch !== this.epoch) return;
    this.epoch += 1;
    this.slowStart = false;
    this.rate = Math.max(this.settings.minPerSecond, this.rate * this.settings.decrease);
  }

  /** The ticket's requests went through. */
  succeeded(ticket: RateTicket): void {
    // Only when the rate was what held requests back: a caller slower than the rate proves nothing.
    if (!ticket.waited || ticket.epoch !== this.epoch) return;
    const grown = this.slowStart
      ? this.rate + ticket.cost
      : this.rate + (this.settings.increasePerSecond * ticket.cost) / this.rate;
    this.rate = Math.min(this.settings.maxPerSecond, grown);
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
