/**
 * Durable timers (reminders, escalation, auto-deny, expiry warnings). A job is claimed with a lease:
 * safe with several bot replicas, and a replica that dies leaves its jobs to be claimed again when the
 * lease runs out. A job missed while the bot was down is simply due, and runs on the next poll.
 */
export interface Job {
  id: string;
  type: string;
  runAt: Date;
  payload: Record<string, unknown>;
  attempts: number;
  lockedBy?: string;
  lockedUntil?: Date;
  doneAt?: Date;
  lastError?: string;
  createdAt: Date;
}

export interface NewJob {
  /** Stable id: scheduling the same id again replaces runAt and payload of a job not yet done. */
  id: string;
  type: string;
  runAt: Date;
  payload: Record<string, unknown>;
}

export interface JobStore {
  /** Inserts the job, or reschedules it when a job with that id exists and is not done. */
  schedule(job: NewJob, now: Date): Promise<void>;
  /**
   * Claims up to `limit` due jobs (runAt <= now, not done, not leased or lease expired) for `owner`
   * until now + leaseMs, adding 1 to attempts. Each job is claimed by one owner only.
   */
  claimDue(now: Date, owner: string, leaseMs: number, limit: number): Promise<Job[]>;
  /** Marks a job done; false if `owner` no longer holds its lease. */
  complete(id: string, owner: string, now: Date): Promise<boolean>;
  /** Extends the lease of a job still running; false if `owner` no longer holds it (stop, someone took over). */
  renew(id: string, owner: string, lockedUntil: Date): Promise<boolean>;
  /** Gives the job back to run again at `runAt`; false if `owner` no longer holds its lease. */
  release(id: string, owner: string, runAt: Date, error?: string): Promise<boolean>;
  /** Cancels jobs not yet done whose id starts with the prefix (e.g. every timer of one request). */
  cancelByPrefix(prefix: string, now: Date): Promise<number>;
  get(id: string): Promise<Job | undefined>;
}
