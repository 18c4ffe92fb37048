import type { AuditLog } from '../ports/auditLog';
import type { Job, JobStore } from '../ports/jobStore';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { backoffMs } from './backoff';
import { renewWhileRunning } from './leaseRenewal';
import { Poller } from './poller';

/** Runs one type of job. Jobs run at least once, so a handler checks the state it acts on. */
export type JobHandler = (job: Job) => Promise<void>;

export interface SchedulerDeps {
  jobs: JobStore;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  handlers: Readonly<Record<string, JobHandler>>;
  /** Unique per replica (e.g. host name + pid): who holds a job's lease. */
  owner: string;
  pollMs?: number;
  leaseMs?: number;
  batch?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Jitter source for the backoff, [0, 1); tests pin it to 0 for exact waits. */
  random?: () => number;
}

/**
 * Durable timers (reminders, escalation, auto-deny, expiry warnings) over the JobStore port.
 * Why not Agenda: it needs MongoDB and cannot run over the in-memory demo store; the JobStore port
 * gives the same lease semantics (claim with an owner and a lease, expired leases reclaimed) for
 * both adapters, so several replicas never run a job twice at once and restarts lose nothing.
 */
export class Scheduler {
  private readonly poller: Poller;

  constructor(private readonly deps: SchedulerDeps) {
    this.poller = new Poller('scheduler', deps.pollMs ?? 5000, () => this.runDue(), deps.logger);
  }

  /** Starts polling; jobs that fell due while the bot was down run at once. */
  start(): void {
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** Claims and runs every due job (in batches); returns how many ran. */
  async runDue(): Promise<number> {
    const { jobs, clock, owner } = this.deps;
    const batch = this.deps.batch ?? 20;
    let ran = 0;
    for (let round = 0; round < 100; round++) {
      const claimed = await jobs.claimDue(clock.now(), owner, this.deps.leaseMs ?? 60_000, batch);
      for (const job of claimed) if (await this.stillMine(job)) await this.runOne(job);
      ran += claimed.length;
      if (claimed.length < batch) break;
    }
    return ran;
  }

  /**
   * A job claimed with others may have waited behind a slow one (a reconcile round while Graph is slow)
   * until its lease ran out and another replica took it over. Past a quarter of its lease it is renewed
   * before it runs, and left alone when it is no longer ours, so it never runs twice.
   */
  private async stillMine(job: Job): Promise<boolean> {
    const { jobs, clock, owner } = this.deps;
    const leaseMs = this.deps.leaseMs ?? 60_000;
    const now = clock.now().getTime();
    if (job.lockedUntil && job.lockedUntil.getTime() - now > leaseMs * 0.75) return true;
    return jobs.renew(job.id, owner, new Date(now + leaseMs));
  }

  private async runOne(job: Job): Promise<void> {
    const { jobs, clock, owner, logger } = this.deps;
    const handler = this.deps.handlers[job.type];
    const renewal = this.renewWhileRunning(job);
    try {
      if (!handler) throw new Error(`No handler for job type '${job.type}'`);
      await handler(job);
      renewal.stop();
      await jobs.complete(job.id, owner, clock.now());
    } catch (err) {
      renewal.stop();
      const msg = err instanceof Error ? err.message : String(err);
      logger.warn({ err, jobId: job.id, type: job.type, attempts: job.attempts }, 'job failed');
      if (job.attempts >= (this.deps.maxAttempts ?? 8)) {
        await jobs.complete(job.id, owner, clock.now());
        await this.deps.audit.append({
          id: `job-failed:${job.id}:${job.attempts}`,
          at: clock.now(),
          type: 'job.failed',
          summary: `Timer ${job.type} gave up after ${job.attempts} attempt(s): ${msg}`,
          details: { jobId: job.id, jobType: job.type },
        });
        return;
      }
      const wait = backoffMs(
        job.attempts,
        this.deps.backoffBaseMs ?? 5000,
        this.deps.backoffCapMs ?? 15 * 60_000,
        this.deps.random,
      );
      await jobs.release(job.id, owner, new Date(clock.now().getTime() + wait), msg);
    }
  }

  /**
   * A job slower than half its lease (a reconcile round while Graph throttles) extends the lease, so
   * another replica never runs it again while it is still running.
   */
  private renewWhileRunning(job: Job) {
    const { jobs, clock, owner, logger } = this.deps;
    const leaseMs = this.deps.leaseMs ?? 60_000;
    return renewWhileRunning(
      leaseMs,
      () => jobs.renew(job.id, owner, new Date(clock.now().getTime() + leaseMs)),
      (err) => logger.warn({ err, jobId: job.id }, 'job lease renewal failed'),
    );
  }
}
