import type { Job, JobStore, NewJob } from '../../ports/jobStore';
import { copy } from './copy';
import { compareIds } from './compareIds';

/** Durable-timer semantics in memory (leases, attempts, owner checks), as the MongoDB adapter has them. */
export class MemoryJobStore implements JobStore {
  private readonly jobs = new Map<string, Job>();
  /** Jobs not done: what a claim looks through (the MongoDB adapter's runAt index). */
  private readonly open = new Set<string>();

  async schedule(job: NewJob, now: Date): Promise<void> {
    const existing = this.jobs.get(job.id);
    if (!existing) {
      this.jobs.set(job.id, copy({ ...job, attempts: 0, createdAt: now }));
      this.open.add(job.id);
    } else if (!existing.doneAt) {
      this.jobs.set(job.id, copy({ ...existing, runAt: job.runAt, payload: job.payload }));
    }
  }

  async claimDue(now: Date, owner: string, leaseMs: number, limit: number): Promise<Job[]> {
    const due = [...this.open]
      .map((id) => this.jobs.get(id)!)
      .filter((j) => isClaimable(j, now))
      .sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || compareIds(a.id, b.id))
      .slice(0, Math.max(0, limit));
    return due.map((j) => {
      const claimed: Job = {
        ...j,
        attempts: j.attempts + 1,
        lockedBy: owner,
        lockedUntil: new Date(now.getTime() + leaseMs),
      };
      this.jobs.set(j.id, claimed);
      return copy(claimed);
    });
  }

  async complete(id: string, owner: string, now: Date): Promise<boolean> {
    return this.whenOwned(id, owner, (j) => ({ ...unleased(j), doneAt: now }));
  }

  async renew(id: string, owner: string, lockedUntil: Date): Promise<boolean> {
    return this.whenOwned(id, owner, (j) => ({ ...j, lockedUntil }));
  }

  async release(id: string, owner: string, runAt: Date, error?: string): Promise<boolean> {
    return this.whenOwned(id, owner, (j) => ({ ...unleased(j), runAt, lastError: error ?? j.lastError }));
  }

  async cancelByPrefix(prefix: string, now: Date): Promise<number> {
    let cancelled = 0;
    for (const id of [...this.open]) {
      const job = this.jobs.get(id)!;
      if (!job.id.startsWith(prefix)) continue;
      this.set(copy({ ...unleased(job), doneAt: now }));
      cancelled++;
    }
    return cancelled;
  }

  async get(id: string): Promise<Job | undefined> {
    return copy(this.jobs.get(id));
  }

  private whenOwned(id: string, owner: string, change: (job: Job) => Job): boolean {
    const job = this.jobs.get(id);
    if (!job || job.doneAt || job.lockedBy !== owner) return false;
    this.set(copy(change(job)));
    return true;
  }

  private set(job: Job): void {
    this.jobs.set(job.id, job);
    if (job.doneAt) this.open.delete(job.id);
  }
}

/** Due, not done, and either never leased or its lease ran out. */
function isClaimable(job: Job, now: Date): boolean {
  if (job.doneAt || job.runAt.getTime() > now.getTime()) return false;
  return !job.lockedUntil || job.lockedUntil.getTime() <= now.getTime();
}

function unleased(job: Job): Job {
  const { lockedBy: _by, lockedUntil: _until, ...rest } = job;
  return rest;
}
