import type { Db } from 'mongodb';
import { RevisionGuard } from '../../../services/adapters/mongo/revisionGuard';

/** What a dead bot left behind that only time would have released. */
export interface LeftBehind {
  /** Conditional writes it began and never finished (FerretDB's markers, see RevisionGuard). */
  markers: number;
  /** Workflow items whose effects it was running (their lease). */
  items: number;
  /** Jobs it was running. */
  jobs: number;
}

type Versioned = { _id: string; version: number };

/**
 * Does to the store what waiting would do once the only bot was SIGKILLed: its half-done conditional
 * writes are rolled forward (as the next writer does after 30 s), and its item and job leases end (the
 * next bot takes them over after 60 s). Waiting instead would spend a minute per kill. Call it only while
 * no bot runs: it writes without going through the version check.
 */
export async function fastForwardDeadBot(db: Db, now = new Date()): Promise<LeftBehind> {
  const left: LeftBehind = { markers: 0, items: 0, jobs: 0 };
  // stuckAfterMs 0: any marker whose document has not moved on is a dead writer's, and is applied.
  const guard = new RevisionGuard(db.collection('revisions'), 'markers', 0);
  for (const marker of await db.collection<{ _id: string }>('revisions').find({}).toArray()) {
    const m = /^([^/]+)\/(.+)#(\d+)$/.exec(marker._id);
    if (!m) continue;
    const [, collection, id, version] = m as unknown as [string, string, string, string];
    const target = db.collection<Versioned>(collection);
    const doc = await target.findOne({ _id: id });
    if (doc?.version !== Number(version) - 1) continue; // applied already
    // A write expecting that version finds the marker taken, and rolls the dead writer's change forward.
    await guard.update(target, id, doc.version, {});
    left.markers++;
  }
  await guard.flush();
  const items = db.collection<Versioned & { lease?: { until: Date }; nextEffectAt?: Date }>('workflows');
  for (const item of await items.find({ 'lease.until': { $gt: now } }).toArray()) {
    // While leased, nextEffectAt is the lease's end (services/workflow/mutate.ts): both end now.
    const held = item.nextEffectAt?.getTime() === item.lease!.until.getTime();
    await items.updateOne(
      { _id: item._id, version: item.version },
      { $set: { 'lease.until': now, ...(held ? { nextEffectAt: now } : {}) } },
    );
    left.items++;
  }
  const jobs = await db
    .collection<Versioned>('jobs')
    .updateMany({ doneAt: { $exists: false }, lockedUntil: { $gt: now } }, { $set: { lockedUntil: now } });
  left.jobs = jobs.modifiedCount;
  return left;
}
