import type {
  NewWorkflowItem,
  WorkflowChange,
  WorkflowItem,
  WorkflowQuery,
  WorkflowStore,
} from '../../ports/workflowStore';
import { compareIds } from './compareIds';
import { copy } from './copy';
import { earliestPendingEffect } from './outbox';

/** Workflow items in memory, with the same conditional-update and idempotency rules as MongoDB. */
export class MemoryWorkflowStore implements WorkflowStore {
  private readonly items = new Map<string, WorkflowItem>();
  /** `${kind}\n${idempotencyKey}` → item id: the unique index of the MongoDB adapter. */
  private readonly byKey = new Map<string, string>();

  async create<TData>(
    item: NewWorkflowItem<TData>,
  ): Promise<{ item: WorkflowItem<TData>; created: boolean }> {
    const scope = item.idempotencyKey === undefined ? undefined : `${item.kind}\n${item.idempotencyKey}`;
    const existingId = this.items.has(item.id) ? item.id : scope && this.byKey.get(scope);
    if (existingId) return { item: copy(this.items.get(existingId)) as WorkflowItem<TData>, created: false };
    const { at, outbox = [], ...rest } = item;
    const stored = copy({
      ...rest,
      version: 1,
      outbox,
      nextEffectAt: earliestPendingEffect(outbox),
      createdAt: at,
      updatedAt: at,
    }) as WorkflowItem;
    this.items.set(item.id, stored);
    if (scope) this.byKey.set(scope, item.id);
    return { item: copy(stored) as WorkflowItem<TData>, created: true };
  }

  async get<TData>(id: string): Promise<WorkflowItem<TData> | undefined> {
    return copy(this.items.get(id)) as WorkflowItem<TData> | undefined;
  }

  async update<TData>(
    id: string,
    expectedVersion: number,
    change: WorkflowChange<TData>,
  ): Promise<WorkflowItem<TData> | undefined> {
    const current = this.items.get(id);
    if (!current || current.version !== expectedVersion) return undefined;
    const outbox = change.outbox ?? current.outbox;
    const next = copy({
      ...current,
      state: change.state ?? current.state,
      data: change.data ?? current.data,
      subjects: change.subjects ?? current.subjects,
      outbox,
      nextEffectAt: earliestPendingEffect(outbox),
      version: current.version + 1,
      updatedAt: change.at,
    }) as WorkflowItem;
    this.items.set(id, next);
    return copy(next) as WorkflowItem<TData>;
  }

  async find<TData>(query: WorkflowQuery): Promise<WorkflowItem<TData>[]> {
    if (query.limit !== undefined && query.limit <= 0) return [];
    const matches = [...this.items.values()]
      .filter((item) => matchesWorkflow(item, query))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || compareIds(b.id, a.id));
    return copy(query.limit === undefined ? matches : matches.slice(0, query.limit)) as WorkflowItem<TData>[];
  }
}

function matchesWorkflow(item: WorkflowItem, q: WorkflowQuery): boolean {
  if (q.kind !== undefined && item.kind !== q.kind) return false;
  if (q.states && !q.states.includes(item.state)) return false;
  if (q.subject !== undefined && !item.subjects.includes(q.subject)) return false;
  if (q.effectsDueBy) {
    if (!item.nextEffectAt || item.nextEffectAt.getTime() > q.effectsDueBy.getTime()) return false;
  }
  return true;
}
