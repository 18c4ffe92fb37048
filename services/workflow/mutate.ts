import {
  earliestPendingEffect,
  type EffectLease,
  type NewWorkflowItem,
  type OutboxEntry,
  type WorkflowChange,
  type WorkflowItem,
  type WorkflowStore,
} from '../ports/workflowStore';
import { backoffMs } from './backoff';
import { outboxEntries } from './outboxEntries';
import { DomainError } from '../domainError';

/** What a command changes on an item; new effects are appended to its outbox (same id twice = once). */
export interface ItemPatch<TData> {
  state?: string;
  data?: TData;
  subjects?: string[];
  effects?: OutboxEntry[];
  /** Replaces the whole outbox (the runner uses it to mark entries); `effects` are still appended. */
  outbox?: OutboxEntry[];
  /** The runner's own: a new lease, or null to drop it. Commands take leases through MutateOptions. */
  lease?: EffectLease | null;
}

/** A command asks for the item's lease, so the effects it records run in its process without a claim. */
export interface LeaseRequest {
  owner: string;
  ms: number;
}

export interface MutateOptions<TData> {
  /** Take the lease in the same write when the change leaves effects due and nobody else holds it. */
  lease?: LeaseRequest;
  /** The item as the caller just read it: saves the first read. */
  item?: WorkflowItem<TData>;
  maxTries?: number;
  /** Jitter source for the backoff between tries, [0, 1). */
  random?: () => number;
}

/** A new item taken leased by `request` (its due entries' attempts counted): its creator runs them. */
export function createdLeased<T extends NewWorkflowItem<unknown>>(item: T, request: LeaseRequest): T {
  const outbox = outboxEntries.countAttempts(item.outbox ?? [], item.at);
  return {
    ...item,
    outbox,
    lease: { owner: request.owner, until: new Date(item.at.getTime() + request.ms) },
  };
}

/** The workflow item does not exist. */
export class WorkflowNotFoundError extends DomainError {
  readonly code = 'notFound';
  constructor(readonly itemId: string) {
    super(`Workflow item ${itemId} not found`);
  }
}

/** Another writer kept winning for far longer than any real contention lasts; nothing was applied. */
export class WriteContentionError extends Error {
  constructor(readonly itemId: string) {
    super(`Gave up updating ${itemId}: too many concurrent writers`);
    this.name = 'WriteContentionError';
  }
}

/** A new outbox entry, due at `at`. */
export function effect(id: string, type: string, payload: Record<string, unknown>, at: Date): OutboxEntry {
  return { id, type, payload, attempts: 0, nextAttemptAt: at };
}

/** True while `lease` is held (by `owner`, when given) at `now`. */
export function holdsLease(lease: EffectLease | undefined, now: Date, owner?: string): boolean {
  return !!lease && lease.until.getTime() > now.getTime() && (owner === undefined || lease.owner === owner);
}

/** The item after the patch, as it will be stored (outbox entries appended once by id). */
export function applyPatch<TData>(item: WorkflowItem<TData>, patch: ItemPatch<TData>): WorkflowItem<TData> {
  const base = patch.outbox ?? item.outbox;
  const known = new Set(base.map((e) => e.id));
  const added = (patch.effects ?? []).filter((e) => !known.has(e.id) && known.add(e.id));
  return {
    ...item,
    state: patch.state ?? item.state,
    data: patch.data ?? item.data,
    subjects: patch.subjects ?? item.subjects,
    outbox: added.length ? [...base, ...added] : base,
    lease: patch.lease === undefined ? item.lease : (patch.lease ?? undefined),
  };
}

/**
 * Turns a patch into the store's change. The lease follows the patch, else `request` takes it when
 * effects are due and nobody else holds it (counting an attempt of each due entry, as a claim does).
 * nextEffectAt is the lease's end while leased (a dead holder's work is taken over then), else the
 * earliest pending entry.
 */
export function toChange<TData>(
  item: WorkflowItem<TData>,
  patch: ItemPatch<TData>,
  at: Date,
  request?: LeaseRequest,
): WorkflowChange<TData> {
  const next = applyPatch(item, patch);
  let outbox = next.outbox;
  let lease = holdsLease(next.lease, at) ? next.lease : undefined;
  if (patch.lease === undefined && request && !lease && outbox.some((e) => outboxEntries.isDue(e, at))) {
    lease = { owner: request.owner, until: new Date(at.getTime() + request.ms) };
    outbox = outboxEntries.countAttempts(outbox, at);
  }
  const change: WorkflowChange<TData> = { at };
  if (patch.state !== undefined) change.state = patch.state;
  if (patch.data !== undefined) change.data = patch.data;
  if (patch.subjects !== undefined) change.subjects = patch.subjects;
  if (outbox !== item.outbox) change.outbox = outbox;
  if (lease !== item.lease) change.lease = lease ?? null;
  if (change.outbox || change.lease !== undefined) {
    change.nextEffectAt = lease ? lease.until : (earliestPendingEffect(outbox) ?? null);
  }
  return change;
}

/**
 * Applies `fn` to the freshest copy of the item until the version-conditional update wins: the only
 * way state changes, since the store has no transactions. `fn` returns undefined for "nothing to do",
 * and may throw a domain error, which stops the loop and reaches the caller. Between tries it backs off
 * with jitter, so writers that collided do not collide again in lockstep.
 */
export async function mutateItem<TData>(
  store: WorkflowStore,
  id: string,
  now: () => Date,
  fn: (item: WorkflowItem<TData>) => ItemPatch<TData> | undefined,
  options: MutateOptions<TData> = {},
): Promise<{ item: WorkflowItem<TData>; changed: boolean }> {
  const maxTries = options.maxTries ?? 60;
  let known = options.item;
  for (let i = 0; i < maxTries; i++) {
    const item = known ?? (await store.get<TData>(id));
    known = undefined;
    if (!item) throw new WorkflowNotFoundError(id);
    const patch = fn(item);
    if (!patch) return { item, changed: false };
    const updated = await store.update<TData>(id, item.version, toChange(item, patch, now(), options.lease));
    if (updated) return { item: updated, changed: true };
    await sleep(backoffMs(Math.min(i + 1, 6), 2, 100, options.random));
  }
  throw new WriteContentionError(id);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
