/**
 * Workflow items: one document per request (access package request, PIM activation, review batch, …).
 * Every change is a conditional single-document update on `version` — the store's only state-change
 * primitive, because FerretDB and Cosmos DB give no multi-document transactions. Side effects that a
 * change causes are recorded in the same document (`outbox`) and carried out afterwards by whoever holds
 * the item's `lease`: one runner at a time per item, so effects run in the order they were recorded.
 */
export interface OutboxEntry {
  /** Stable id: a retried effect is recognised by it, so nothing runs twice. */
  id: string;
  type: string;
  payload: Record<string, unknown>;
  attempts: number;
  nextAttemptAt: Date;
  doneAt?: Date;
  lastError?: string;
}

/** Who runs the item's effects now. Taken in the same write that records them, or by a poller's claim. */
export interface EffectLease {
  owner: string;
  until: Date;
}

export interface WorkflowItem<TData = Record<string, unknown>> {
  id: string;
  kind: string;
  state: string;
  /** Starts at 1; every successful update adds 1. */
  version: number;
  data: TData;
  /** User ids allowed to see the item (requester, approvers, …), for "my requests" style queries. */
  subjects: string[];
  /** Set by the caller when the same intent may arrive twice (double click, two tabs). Unique per kind. */
  idempotencyKey?: string;
  outbox: OutboxEntry[];
  lease?: EffectLease;
  /**
   * When a runner should next look at the item: the lease's end while leased, else the earliest
   * nextAttemptAt of an entry not done; undefined when nothing is pending. Pollers query this (indexed).
   */
  nextEffectAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export type NewWorkflowItem<TData = Record<string, unknown>> = Omit<
  WorkflowItem<TData>,
  'version' | 'createdAt' | 'updatedAt' | 'outbox' | 'nextEffectAt' | 'lease'
> & {
  outbox?: OutboxEntry[];
  /** Created leased: the creator runs its first effects (then nextEffectAt is the lease's end). */
  lease?: EffectLease;
  at: Date;
};

/** A store-level change; `nextEffectAt` is computed by the caller (workflow/mutate) from outbox and lease. */

export interface WorkflowChange<TData = Record<string, unknown>> {
  state?: string;
  data?: TData;
  subjects?: string[];
  outbox?: OutboxEntry[];
  /** A new lease, or null to drop it. */
  lease?: EffectLease | null;
  /** null: nothing pending. Required whenever outbox or lease changes. */
  nextEffectAt?: Date | null;
  at: Date;
}

export interface WorkflowQuery {
  kind?: string;
  states?: string[];
  subject?: string;
  /** Items whose nextEffectAt is at or before this time (effects due, or a lease run out); earliest first. */
  effectsDueBy?: Date;
  limit?: number;
}

export interface WorkflowStore {
  /**
   * Creates the item. When an item of the same kind already has this idempotencyKey (or this id),
   * nothing is written and the existing item is returned with created=false.
   */
  create<TData>(item: NewWorkflowItem<TData>): Promise<{ item: WorkflowItem<TData>; created: boolean }>;
  get<TData>(id: string): Promise<WorkflowItem<TData> | undefined>;
  /**
   * Applies the change only if the stored version still equals expectedVersion.
   * Returns the updated item, or undefined when another writer got there first (or the id is unknown).
   */
  update<TData>(
    id: string,
    expectedVersion: number,
    change: WorkflowChange<TData>,
  ): Promise<WorkflowItem<TData> | undefined>;
  /** Newest first by createdAt; with effectsDueBy, earliest nextEffectAt first. */
  find<TData>(query: WorkflowQuery): Promise<WorkflowItem<TData>[]>;
}

/** Earliest nextAttemptAt of an entry not done; undefined when nothing is pending (adapters and workflow share it). */
export function earliestPendingEffect(outbox: readonly OutboxEntry[]): Date | undefined {
  let earliest: Date | undefined;
  for (const entry of outbox) {
    if (entry.doneAt) continue;
    if (!earliest || entry.nextAttemptAt.getTime() < earliest.getTime()) earliest = entry.nextAttemptAt;
  }
  return earliest;
}
