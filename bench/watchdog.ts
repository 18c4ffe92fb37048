/** What a benchmark tells the runner as it goes, so that a stall is reported where it happened. */
export interface Progress {
  /** A new step begins (printed): the name a stall is reported under. */
  step(name: string): void;
  /** Work within the step moved on (not printed); `detail` says how far, for the stall message. */
  tick(detail?: string): void;
}

/** How long a step may go without a tick, and how long a benchmark may run before its first step. */
export interface StallLimits {
  stepMs: number;
  unreportedMs: number;
}

/**
 * Watches one running benchmark and rejects `stalled` when it makes no progress for too long: a waiting
 * that never ends (a lock or a connection nobody releases) leaves the process idle and printing
 * nothing, which is worse than a failure that names its step. A benchmark that reports no step is
 * only held to `unreportedMs` for the whole run.
 */
export class Watchdog implements Progress {
  /** Rejects with a message naming the benchmark, the step and how far it got; never resolves. */
  readonly stalled: Promise<never>;
  /** Whether `stalled` has rejected. */
  hasStalled = false;
  private where = '(before its first step)';
  private detail = '';
  private limitMs: number;
  private last = performance.now();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly benchmark: string,
    private readonly limits: StallLimits,
    private readonly print: (line: string) => void,
  ) {
    this.limitMs = limits.unreportedMs;
    let fail!: (err: Error) => void;
    this.stalled = new Promise<never>((_, reject) => (fail = reject));
    this.stalled.catch(() => undefined); // observed by whoever races it; not an unhandled rejection
    this.timer = setInterval(
      () => {
        const idle = performance.now() - this.last;
        if (idle < this.limitMs) return;
        this.stop();
        this.hasStalled = true;
        const at = this.detail ? `${this.where} (${this.detail})` : this.where;
        fail(
          new Error(
            `${this.benchmark} stalled in ${at}: no progress for ${(idle / 1000).toFixed(idle < 10_000 ? 1 : 0)} s`,
          ),
        );
      },
      Math.min(1_000, limits.stepMs / 4),
    );
  }

  step(name: string): void {
    this.where = name;
    this.detail = '';
    this.limitMs = this.limits.stepMs;
    this.last = performance.now();
    this.print(`    · ${name}`);
  }

  tick(detail?: string): void {
    if (detail !== undefined) this.detail = detail;
    this.last = performance.now();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
