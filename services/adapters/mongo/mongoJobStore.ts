import type { Collection, Filter } from 'mongodb';
import type { Job, JobStore, NewJob } from '../../ports/jobStore';
import { SCHEMA_VERSION, toJob, type JobDoc } from './documents';
import { isDuplicateKey } from './errors';
import type { GuardedChange, RevisionGuard } from './revisionGuard';

/** Bounds the read–check–write loops; only reached under pathological contention on one job. */
const MAX_ROUNDS = 50;
const CANDIDATES_PER_SLOT = 3;
const LEASE_FIELDS = ['lockedBy', 'lockedUntil'];

/**
 * Durable timers in the `jobs` collection. Every change reads the job, checks it, and writes it with a
 * version-guarded update, so a claim, a completion and a reschedule never overwrite one another.
 */
export class MongoJobStore implements JobStore {
  constructor(
    private readonly jobs: Collection<JobDoc>,
    private readonly guard: RevisionGuard,
  ) {}

  async schedule(job: NewJob, now: Date): Promise<void> {
    const { id, ...rest } = job;
    try {
      await this.jobs.insertOne({
        _id: id,
        schemaVersion: SCHEMA_VERSION,
        version: 1,
        groups: jobGroups(id),
        ...rest,
        attempts: 0,
        createdAt: now,
      });
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const done = await this.changeWhile(id, (doc) => !doc.doneAt, {
      set: { runAt: job.runAt, payload: job.payload },
    });
    if (done === 'contended') throw new Error(`Job ${id}: could not reschedule under contention`);
  }

  async claimDue(now: Date, owner: string, leaseMs: number, limit: number): Promise<Job[]> {
    if (this.guard.mode === 'native') return this.claimNative(now, owner, leaseMs, limit);
    const claimed: Job[] = [];
    const lease = {
      set: { lockedBy: owner, lockedUntil: new Date(now.getTime() + leaseMs) },
      inc: { attempts: 1 },
    };
    let contended = false;
    for (let round = 0; round < MAX_ROUNDS && claimed.length < limit; round++) {
      const candidates = await this.jobs
        .find(DUE(now))
        .sort({ runAt: 1, _id: 1 })
        // More than we need: replicas polling together read the same first jobs, and most of them lose.
        .limit((limit - claimed.length) * CANDIDATES_PER_SLOT)
        .toArray();
      if (candidates.length === 0) break;
      // Earliest first; once we lose a race, other replicas are polling too, so spread out from then on.
      for (const candidate of contended ? spread(candidates) : candidates) {
        if (claimed.length >= limit) break;
        // A candidate claimed by someone else since our read has a new version: the guard turns us away.
        const doc = await this.guard.update(this.jobs, candidate._id, candidate.version, lease);
        if (doc) claimed.push(toJob(doc));
        else if (!contended) {
          contended = true;
          break;
        }
      }
    }
    return claimed;
  }

  /** Where findOneAndUpdate is atomic, a claim is one command per job and never loses a race. */
  private async claimNative(now: Date, owner: string, leaseMs: number, limit: number): Promise<Job[]> {
    const claimed: Job[] = [];
    while (claimed.length < limit) {
      const doc = await this.jobs.findOneAndUpdate(
        { ...DUE(now) },
        {
          $set: { lockedBy: owner, lockedUntil: new Date(now.getTime() + leaseMs) },
          $inc: { attempts: 1, version: 1 },
        },
        { sort: { runAt: 1, _id: 1 }, returnDocument: 'after' },
      );
      if (!doc) break;
      claimed.push(toJob(doc));
    }
    return claimed;
  }

  async complete(id: string, owner: string, now: Date): Promise<boolean> {
    const outcome = await this.changeWhile(id, (doc) => isOwned(doc, owner), {
      set: { doneAt: now },
      unset: LEASE_FIELDS,
    });
    return outcome === 'changed';
  }

  async renew(id: string, owner: string, lockedUntil: Date): Promise<boolean> {
    const outcome = await this.changeWhile(id, (doc) => isOwned(doc, owner), { set: { lockedUntil } });
    return outcome === 'changed';
  }

  async release(id: string, owner: string, runAt: Date, error?: string): Promise<boolean> {
    const set = error === undefined ? { runAt } : { runAt, lastError: error };
    const outcome = await this.changeWhile(id, (doc) => isOwned(doc, owner), { set, unset: LEASE_FIELDS });
    return outcome === 'changed';
  }

  /**
   * One command for all of them. The job's group that the prefix lies in narrows it by equality (the
   * groups index; FerretDB 1.x pushes only equality down to its storage, so the _id regex alone read and
   * decoded every job: 74 ms among 900 jobs, 2 ms by group), the regex picks within it. Jobs stored
   * before groups existed are not matched: they run when due, and their handlers find nothing to do, as
   * below. Under FerretDB's marker writes a claim racing this could write its older copy back; the job
   * then runs once and its handler finds nothing to do (handlers check the state they act on), so cancel
   * still wins.
   */
  async cancelByPrefix(prefix: string, now: Date): Promise<number> {
    const group = prefix.slice(0, prefix.lastIndexOf(':') + 1);
    const result = await this.jobs.updateMany(
      {
        ...(group && { groups: group }),
        _id: { $regex: `^${escapeRegExp(prefix)}` },
        doneAt: { $exists: false },
      },
      { $set: { doneAt: now }, $unset: { lockedBy: '', lockedUntil: '' }, $inc: { version: 1 } },
    );
    return result.modifiedCount;
  }

  async get(id: string): Promise<Job | undefined> {
    const doc = await this.jobs.findOne({ _id: id });
    return doc ? toJob(doc) : undefined;
  }

  /** Re-reads and retries until the change lands, or the job no longer meets the condition. */
  private async changeWhile(
    id: string,
    condition: (doc: JobDoc) => boolean,
    change: GuardedChange,
  ): Promise<'changed' | 'refused' | 'contended'> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const doc = await this.jobs.findOne({ _id: id });
      if (!doc || !condition(doc)) return 'refused';
      if (await this.guard.update(this.jobs, id, doc.version, change)) return 'changed';
    }
    return 'contended';
  }
}

/** Due, not done, and never leased or its lease ran out (served by the runAt index). */
const DUE = (now: Date): Filter<JobDoc> => ({
  runAt: { $lte: now },
  doneAt: { $exists: false },
  $or: [{ lockedUntil: { $exists: false } }, { lockedUntil: { $lte: now } }],
});

/** The owner holds the lease until someone else claims the job; an expired, unclaimed lease still counts. */
function isOwned(doc: JobDoc, owner: string): boolean {
  return !doc.doneAt && doc.lockedBy === owner;
}

/** Starts at a random candidate, so replicas polling together mostly try different jobs. */
function spread<T>(candidates: T[]): T[] {
  const start = Math.floor(Math.random() * candidates.length);
  return [...candidates.slice(start), ...candidates.slice(0, start)];
}

/** Every prefix of `id` that ends in ':' ("approval:ar-1:0:remind" → "approval:", "approval:ar-1:", …). */
function jobGroups(id: string): string[] {
  const groups: string[] = [];
  for (let i = id.indexOf(':'); i >= 0; i = id.indexOf(':', i + 1)) groups.push(id.slice(0, i + 1));
  return groups;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
