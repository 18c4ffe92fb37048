import type { Db, IndexDescription } from 'mongodb';

/** Workflow items' indexes (the `workflows` collection, and the digest's `digestItems`). */
const WORKFLOW_INDEXES: IndexDescription[] = [
  // Uniqueness of (kind, idempotencyKey), folded into one field that only keyed items have.
  { key: { idempotencyScope: 1 }, name: 'idempotencyScope_unique', unique: true, sparse: true },
  { key: { kind: 1, state: 1, createdAt: -1 }, name: 'kind_state_createdAt' },
  { key: { subjects: 1, createdAt: -1 }, name: 'subjects_createdAt' },
  { key: { nextEffectAt: 1 }, name: 'nextEffectAt' },
  { key: { createdAt: -1 }, name: 'createdAt' },
];
const JOB_INDEXES: IndexDescription[] = [
  { key: { runAt: 1 }, name: 'runAt' },
  // Cancels by prefix (see MongoJobStore.cancelByPrefix).
  { key: { groups: 1 }, name: 'groups' },
  { key: { lockedUntil: 1 }, name: 'lockedUntil' },
];

/** The indexes the adapters rely on, by collection. Only kinds FerretDB 1.x supports: no partial, no TTL. */
export const INDEXES: Record<string, IndexDescription[]> = {
  workflows: WORKFLOW_INDEXES,
  jobs: JOB_INDEXES,
  audit: [
    { key: { at: 1 }, name: 'at' },
    { key: { itemId: 1, at: 1 }, name: 'itemId_at' },
  ],
  // The digest keeps its items and timers apart, with the same indexes (see DigestStores).
  digestItems: WORKFLOW_INDEXES,
  digestJobs: JOB_INDEXES,
  digestRuns: [{ key: { kind: 1, state: 1, at: -1 }, name: 'kind_state_at' }],
  digestFindings: [{ key: { runId: 1, key: 1 }, name: 'runId_key' }],
};

/**
 * Creates the indexes; an identical existing index is left alone, so this runs at every start.
 * One index per command: FerretDB 1.24 panics on a createIndexes listing several indexes that all exist
 * already (it drops the duplicates from the list by stale positions), which every restart would hit.
 */
export async function ensureIndexes(db: Db): Promise<void> {
  await Promise.all(
    Object.entries(INDEXES).map(async ([collection, indexes]) => {
      for (const index of indexes) await db.collection(collection).createIndexes([index]);
    }),
  );
}
