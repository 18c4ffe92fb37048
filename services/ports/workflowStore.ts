/**
 * Workflow items: one document per request (access package request, PIM activation, review batch, …).
 * Every change is a conditional single-document update on `version` — the store's only state-change
 * primitive, because FerretDB and Cosmos DB give no multi-document transactions. Side effects that a
 * change causes are recorded in the same document (`outbox`) and carried out afterwards.
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
  /** Earliest nextAttemptAt of an entry not done; undefined when nothing is pending. */
  nextEffectAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export type NewWorkflowItem<TData = Record<string, unknown>> = Omit<
  WorkflowItem<TData>,
  'version' | 'createdAt' | 'updatedAt' | 'outbox' | 'nextEffectAt'
> & { outbox?: OutboxEntry[]; at: Date };

export interface WorkflowChange<TData = Record<string, unknown>> {
  state?: string;
  data?: TData;
  subjects?: string[];
  outbox?: OutboxEntry[];
  at: Date;
}

export interface WorkflowQuery {
  kind?: string;
  states?: string[];
  subject?: string;
  /** Items with an outbox entry due at or before this time. */
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
   * nextEffectAt is recomputed from the outbox.
   */
  update<TData>(
    id: string,
    expectedVersion: number,
    change: WorkflowChange<TData>,
  ): Promise<WorkflowItem<TData> | undefined>;
  /** Newest first by createdAt. */
  find<TData>(query: WorkflowQuery): Promise<WorkflowItem<TData>[]>;
}
