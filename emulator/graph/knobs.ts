/** Token-bucket settings for per-app throttling. */
export interface ThrottleSettings {
  /** Requests an app may burst. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

/** A fault to inject into matching requests. */
export interface FaultSpec {
  status: number;
  /** Only requests whose versioned path (e.g. /v1.0/users) matches. */
  path?: RegExp;
  code?: string;
  message?: string;
  /** Seconds for a Retry-After header (429/503). */
  retryAfter?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Test and benchmark controls: throttling, injected faults and latency (sign-in lives in the token service). */
export class Knobs {
  /** Delay added before answering each HTTP request. */
  latencyMs = 0;
  private throttleSettings?: ThrottleSettings;
  private readonly buckets = new Map<string, Bucket>();
  private readonly faults: { remaining: number; spec: FaultSpec }[] = [];
  /**
   * How long, on the emulator's clock, Graph takes to process an accepted request (entitlement
   * assignment requests, PIM activations): answered at once, approved, delivered or provisioned later.
   */
  processingDelayMs = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Turns per-app throttling on (or off with undefined); buckets start full. */
  throttle(settings: ThrottleSettings | undefined): void {
    this.throttleSettings = settings;
    this.buckets.clear();
  }

  /** The next `n` matching requests fail with `spec.status`. */
  failNext(n: number, spec: FaultSpec): void {
    this.faults.push({ remaining: n, spec });
  }

  /** Seconds to wait when the bucket (an app, per API) is over budget, else undefined (a token is spent). */
  takeToken(appId: string): number | undefined {
    const s = this.throttleSettings;
    if (!s) return undefined;
    const now = this.now();
    const b = this.buckets.get(appId) ?? { tokens: s.capacity, at: now };
    b.tokens = Math.min(s.capacity, b.tokens + ((now - b.at) / 1000) * s.refillPerSecond);
    b.at = now;
    this.buckets.set(appId, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return undefined;
    }
    // A refused request still counts: "all requests accrue against your usage limits", and Graph "continues
    // to log resource usage while a client is being throttled" (learn.microsoft.com/graph/throttling, best
    // practices), so a client that retries before Retry-After is over stays throttled longer. Bounded: at
    // most one bucket's worth of debt. Retry-After counts this request's own charge, so that a client that
    // waits as told gets through; whole seconds, as HTTP's delta-seconds (RFC 9110 §10.2.3) and Graph's
    // examples give it.
    b.tokens = Math.max(-s.capacity, b.tokens - 1);
    return Math.max(1, Math.ceil((1 - b.tokens) / s.refillPerSecond));
  }

  /** The fault to inject for this path, if any (consumes one occurrence). */
  takeFault(path: string): FaultSpec | undefined {
    const i = this.faults.findIndex((f) => f.remaining > 0 && (!f.spec.path || f.spec.path.test(path)));
    if (i < 0) return undefined;
    const fault = this.faults[i]!;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults.splice(i, 1);
    return fault.spec;
  }

  /** Back to defaults: no throttling, faults, latency or processing delay. */
  reset(): void {
    this.latencyMs = 0;
    this.processingDelayMs = 0;
    this.throttle(undefined);
    this.faults.length = 0;
  }
}
