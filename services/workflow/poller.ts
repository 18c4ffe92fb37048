import type { Logger } from '../logger';

/**
 * Runs `tick` now and then every `intervalMs`, never two ticks at once. Uses plain timers, so tests
 * drive `tick` directly (or sinon's fake timers) instead of waiting.
 */
export class Poller {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  private again = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly tick: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  /** Starts polling; the first tick runs at once (a timer missed while down fires on start-up). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.kick();
  }

  /** Runs a tick as soon as the current one (if any) ends. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.running = this.tick()
      .then(
        () => undefined,
        (err: unknown) => this.logger.error({ err, poller: this.name }, 'poll failed'),
      )
      .finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.kick();
          return;
        }
        this.timer = setTimeout(() => this.kick(), this.intervalMs);
        this.timer.unref();
      });
  }

  /** Stops polling and waits for a tick in progress to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
