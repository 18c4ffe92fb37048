import {
  MongoServerError,
  type Collection,
  type Document,
  type Filter,
  type UpdateFilter,
  type WithId,
} from 'mongodb';
import { isDuplicateKey } from './errors';

/** A change to apply to a versioned document; `version` is always incremented by 1. */
export interface GuardedChange {
  set?: Document;
  unset?: string[];
  inc?: Record<string, number>;
}

interface RevisionDoc {
  _id: string;
  change: GuardedChange;
  claimedAt: Date;
}

type Versioned = { _id: string; version: number };

/**
 * "Update only if `version` still equals N", atomic on every MongoDB wire-protocol server.
 * On MongoDB, Atlas and Cosmos DB that is one findOneAndUpdate filtered on the version (`native`).
 * FerretDB 1.x (SQLite and PostgreSQL handlers alike) reads, filters and writes a findAndModify in
 * separate steps, so concurrent writers all "win" (FerretDB issue #3040; seen here with 20 writers).
 * There (`markers`) a writer first inserts the marker `<collection>/<id>#<N+1>`: the unique _id lets
 * exactly one writer through, and only that writer may move the document from N to N+1. The marker keeps
 * the change, so if the winner dies before applying it, the next writer that finds the document stuck
 * rolls it forward. Applied markers protect nothing (the version has moved on), so they are deleted in
 * batches off the write path.
 */
export class RevisionGuard {
  private readonly applied: string[] = [];
  private flushTimer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(
    private readonly revisions: Collection<RevisionDoc>,
    readonly mode: 'native' | 'markers' = 'markers',
    /** How old an unapplied marker must be before its writer is presumed dead (wall time, not domain time). */
    private readonly stuckAfterMs = 30_000,
  ) {}

  /** Applies the change if the document is at `expected`; undefined when another writer got there first. */
  async update<T extends Versioned>(
    target: Collection<T>,
    id: string,
    expected: number,
    change: GuardedChange,
  ): Promise<WithId<T> | undefined> {
    if (this.mode === 'native') return apply(target, id, expected, change);
    const marker = markerId(target, id, expected + 1);
    try {
      await this.revisions.insertOne({ _id: marker, change, claimedAt: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.rollForwardIfStuck(target, id, expected);
      return undefined;
    }
    let updated: WithId<T> | undefined;
    try {
      updated = await apply(target, id, expected, change);
    } catch (error) {
      // The server refused the change, so it will never apply: free the version for the next writer.
      // Any other failure (network) may have applied it; the marker stays for roll-forward.
      if (error instanceof MongoServerError) await this.forget(marker);
      throw error;
    }
    // Once the document is past N the marker protects nothing (a late writer expecting N finds the
    // version moved on): delete it later, with others, in one command.
    this.forgetLater(marker);
    return updated;
  }

  /** Deletes the applied markers still queued (call before closing the client). */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    await this.flushing;
    const ids = this.applied.splice(0);
    if (ids.length === 0) return;
    this.flushing = this.revisions
      .deleteMany({ _id: { $in: ids } })
      .then(() => undefined)
      .catch(() => undefined); // leftovers are harmless: no writer will ever expect those versions again
    await this.flushing;
  }

  private forgetLater(marker: string): void {
    this.applied.push(marker);
    if (this.applied.length >= 200) void this.flush();
    else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flush(), 1_000);
      this.flushTimer.unref();
    }
  }

  private async rollForwardIfStuck<T extends Versioned>(target: Collection<T>, id: string, expected: number) {
    const marker = await this.revisions.findOne({ _id: markerId(target, id, expected + 1) });
    if (!marker || Date.now() - marker.claimedAt.getTime() < this.stuckAfterMs) return;
    const current = await target.findOne({ _id: id } as Filter<T>);
    if (current?.version !== expected) return;
    if (await apply(target, id, expected, marker.change)) await this.forget(marker._id);
  }

  private async forget(marker: string): Promise<void> {
    await this.revisions.deleteOne({ _id: marker }).catch(() => undefined);
  }
}

function markerId(target: { collectionName: string }, id: string, version: number): string {
  return `${target.collectionName}/${id}#${version}`;
}

async function apply<T extends Versioned>(
  target: Collection<T>,
  id: string,
  expected: number,
  change: GuardedChange,
): Promise<WithId<T> | undefined> {
  const update: UpdateFilter<Document> = { $inc: { ...change.inc, version: 1 } };
  if (change.set) update.$set = change.set;
  if (change.unset?.length) update.$unset = Object.fromEntries(change.unset.map((f) => [f, '']));
  const doc = await target.findOneAndUpdate(
    { _id: id, version: expected } as Filter<T>,
    update as UpdateFilter<T>,
    {
      returnDocument: 'after',
    },
  );
  return doc ?? undefined;
}
