import type { OutboxEntry, WorkflowChange, WorkflowItem, WorkflowStore } from '../ports/workflowStore';

/** What a command changes on an item; new effects are appended to its outbox (same id twice = once). */
export interface ItemPatch<TData> {
  state?: string;
  data?: TData;
  subjects?: string[];
  effects?: OutboxEntry[];
  /** Replaces the whole outbox (the runner uses it to mark entries); `effects` are still appended. */
  outbox?: OutboxEntry[];
}

/** The workflow item does not exist. */
export class WorkflowNotFoundError extends Error {
  readonly code = 'notFound';
  constructor(readonly itemId: string) {
    super(`Workflow item ${itemId} not found`);
    this.name = 'WorkflowNotFoundError';
  }
}

/** Another writer kept winning; the change was not applied. */
export class WriteContentionError extends Error {
  readonly code = 'contention';
  constructor(readonly itemId: string) {
    super(`Gave up updating ${itemId}: too many concurrent writers`);
    this.name = 'WriteContentionError';
  }
}

/** A new outbox entry, due at `at`. */
export function effect(id: string, type: string, payload: Record<string, unknown>, at: Date): OutboxEntry {
  return { id, type, payload, attempts: 0, nextAttemptAt: at };
}

/** Turns a patch into the store's change, appending effects whose id is not in the outbox yet. */
export function toChange<TData>(
  item: WorkflowItem<TData>,
  patch: ItemPatch<TData>,
  at: Date,
): WorkflowChange<TData> {
  const base = patch.outbox ?? item.outbox;
  const known = new Set(base.map((e) => e.id));
  const added = (patch.effects ?? []).filter((e) => !known.has(e.id) && known.add(e.id));
  const change: WorkflowChange<TData> = { at };
  if (patch.state !== undefined) change.state = patch.state;
  if (patch.data !== undefined) change.data = patch.data;
  if (patch.subjects !== undefined) change.subjects = patch.subjects;
  if (patch.outbox !== undefined || added.length > 0) change.outbox = [...base, ...added];
  return change;
}

/**
 * Applies `fn` to the freshest copy of the item until the version-conditional update wins: the only
 * way state changes, since the store has no transactions. `fn` returns undefined for "nothing to do",
 * and may throw a domain error, which stops the loop and reaches the caller.
 */
export async function mutateItem<TData>(
  store: WorkflowStore,
  id: string,
  now: () => Date,
  fn: (item: WorkflowItem<TData>) => ItemPatch<TData> | undefined,
  maxTries = 20,
): Promise<{ item: WorkflowItem<TData>; changed: boolean }> {
  for (let i = 0; i < maxTries; i++) {
    const item = await store.get<TData>(id);
    if (!item) throw new WorkflowNotFoundError(id);
    const patch = fn(item);
    if (!patch) return { item, changed: false };
    const updated = await store.update<TData>(id, item.version, toChange(item, patch, now()));
    if (updated) return { item: updated, changed: true };
  }
  throw new WriteContentionError(id);
}
