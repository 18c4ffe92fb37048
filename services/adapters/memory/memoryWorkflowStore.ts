import {
  earliestPendingEffect,
  type NewWorkflowItem,
  type WorkflowChange,
  type WorkflowItem,
  type WorkflowQuery,
  type WorkflowStore,
} from '../../ports/workflowStore';
import { compareIds } from './compareIds';
import { frozen } from './frozen';
import { SetIndex } from './setIndex';

/**
 * Workflow items in memory, with the same conditional-update and idempotency rules as MongoDB. Items
 * are stored frozen and handed out as they are (no copy per read); queries go through the same kinds of
 * index the MongoDB adapter declares, so their cost does not grow with the number of items stored.
 */
export class MemoryWorkflowStore implements WorkflowStore {
  private readonly items = new Map<string, WorkflowItem>();
  /** `${kind}\n${idempotencyKey}` → item id: the unique index of the MongoDB adapter. */
  private readonly byKey = new Map<string, string>();
  private readonly bySubject = new SetIndex();
  private readonly byKindState = new SetIndex();
  /** Items with a nextEffectAt: the pollers' index. */
  private readonly pending = new Set<string>();

  async create<TData>(
    item: NewWorkflowItem<TData>,
  ): Promise<{ item: WorkflowItem<TData>; created: boolean }> {
    const scope = item.idempotencyKey === undefined ? undefined : `${item.kind}\n${item.idempotencyKey}`;
    const existingId = this.items.has(item.id) ? item.id : scope && this.byKey.get(scope);
    if (existingId) return { item: this.items.get(existingId) as WorkflowItem<TData>, created: false };
    const { at, outbox = [], ...rest } = item;
    const stored = frozen({
      ...rest,
      version: 1,
      outbox,
      nextEffectAt: item.lease ? item.lease.until : earliestPendingEffect(outbox),
      createdAt: at,
      updatedAt: at,
    }) as WorkflowItem;
    this.put(undefined, stored);
    if (scope) this.byKey.set(scope, item.id);
    return { item: stored as WorkflowItem<TData>, created: true };
  }

  async get<TData>(id: string): Promise<WorkflowItem<TData> | undefined> {
    return this.items.get(id) as WorkflowItem<TData> | undefined;
  }

  async update<TData>(
    id: string,
    expectedVersion: number,
    change: WorkflowChange<TData>,
  ): Promise<WorkflowItem<TData> | undefined> {
    const current = this.items.get(id);
    if (!current || current.version !== expectedVersion) return undefined;
    const outbox = change.outbox ?? current.outbox;
    const lease = change.lease === undefined ? current.lease : (change.lease ?? undefined);
    const nextEffectAt =
      change.nextEffectAt !== undefined
        ? (change.nextEffectAt ?? undefined)
        : change.outbox
          ? earliestPendingEffect(outbox)
          : current.nextEffectAt;
    const next = frozen({
      ...current,
      state: change.state ?? current.state,
      data: change.data ?? current.data,
      subjects: change.subjects ?? current.subjects,
      outbox,
      lease,
      nextEffectAt,
      version: current.version + 1,
      updatedAt: change.at,
    }) as WorkflowItem;
    this.put(current, next);
    return next as WorkflowItem<TData>;
  }

  async find<TData>(query: WorkflowQuery): Promise<WorkflowItem<TData>[]> {
    if (query.limit !== undefined && query.limit <= 0) return [];
    const matches = this.candidates(query)
      .map((id) => this.items.get(id)!)
      .filter((item) => matchesWorkflow(item, query))
      .sort(query.effectsDueBy ? byDue : byNewest);
    return (query.limit === undefined ? matches : matches.slice(0, query.limit)) as WorkflowItem<TData>[];
  }

  /** The ids an index gives for the query (the narrowest one that applies). */
  private candidates(q: WorkflowQuery): string[] {
    if (q.effectsDueBy) return [...this.pending];
    if (q.subject !== undefined) return this.bySubject.get(q.subject);
    if (q.kind !== undefined && q.states)
      return q.states.flatMap((s) => this.byKindState.get(`${q.kind}\n${s}`));
    return [...this.items.keys()];
  }

  private put(before: WorkflowItem | undefined, after: WorkflowItem): void {
    this.items.set(after.id, after);
    if (before?.subjects !== after.subjects) {
      for (const s of before?.subjects ?? []) this.bySubject.remove(s, after.id);
      for (const s of after.subjects) this.bySubject.add(s, after.id);
    }
    if (before?.state !== after.state) {
      if (before) this.byKindState.remove(`${before.kind}\n${before.state}`, after.id);
      this.byKindState.add(`${after.kind}\n${after.state}`, after.id);
    }
    if (after.nextEffectAt) this.pending.add(after.id);
    else this.pending.delete(after.id);
  }
}

const byNewest = (a: WorkflowItem, b: WorkflowItem) =>
  b.createdAt.getTime() - a.createdAt.getTime() || compareIds(b.id, a.id);
const byDue = (a: WorkflowItem, b: WorkflowItem) =>
  a.nextEffectAt!.getTime() - b.nextEffectAt!.getTime() || compareIds(a.id, b.id);

function matchesWorkflow(item: WorkflowItem, q: WorkflowQuery): boolean {
  if (q.kind !== undefined && item.kind !== q.kind) return false;
  if (q.states && !q.states.includes(item.state)) return false;
  if (q.subject !== undefined && !item.subjects.includes(q.subject)) return false;
  if (q.effectsDueBy) {
    if (!item.nextEffectAt || item.nextEffectAt.getTime() > q.effectsDueBy.getTime()) return false;
  }
  return true;
}
