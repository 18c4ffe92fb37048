import type { Collection, Document, Filter, Sort } from 'mongodb';
import {
  earliestPendingEffect,
  type NewWorkflowItem,
  type WorkflowChange,
  type WorkflowItem,
  type WorkflowQuery,
  type WorkflowStore,
} from '../../ports/workflowStore';
import { copy } from '../memory/copy';
import { idempotencyScope, SCHEMA_VERSION, toWorkflowItem, type WorkflowDoc } from './documents';
import { isDuplicateKey } from './errors';
import type { RevisionGuard } from './revisionGuard';

/** Workflow items in the `workflows` collection; every change is a version-guarded single-document update. */
export class MongoWorkflowStore implements WorkflowStore {
  constructor(
    private readonly items: Collection<WorkflowDoc>,
    private readonly guard: RevisionGuard,
  ) {}

  async create<TData>(
    item: NewWorkflowItem<TData>,
  ): Promise<{ item: WorkflowItem<TData>; created: boolean }> {
    const { id, at, outbox = [], ...rest } = item;
    const scope = idempotencyScope(item.kind, item.idempotencyKey);
    const doc = copy({
      _id: id,
      schemaVersion: SCHEMA_VERSION,
      ...rest,
      idempotencyScope: scope,
      version: 1,
      outbox,
      nextEffectAt: item.lease ? item.lease.until : earliestPendingEffect(outbox),
      createdAt: at,
      updatedAt: at,
    }) as WorkflowDoc;
    try {
      await this.items.insertOne(doc);
      return { item: toWorkflowItem<TData>(doc), created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Same id, or same (kind, key): the unique indexes decided; hand back the item that won.
      const existing =
        (await this.items.findOne({ _id: id })) ??
        (scope === undefined ? null : await this.items.findOne({ idempotencyScope: scope }));
      if (!existing) throw error;
      return { item: toWorkflowItem<TData>(existing), created: false };
    }
  }

  async get<TData>(id: string): Promise<WorkflowItem<TData> | undefined> {
    const doc = await this.items.findOne({ _id: id });
    return doc ? toWorkflowItem<TData>(doc) : undefined;
  }

  async update<TData>(
    id: string,
    expectedVersion: number,
    change: WorkflowChange<TData>,
  ): Promise<WorkflowItem<TData> | undefined> {
    const set: Document = { updatedAt: change.at };
    const unset: string[] = [];
    if (change.state !== undefined) set.state = change.state;
    if (change.data !== undefined) set.data = change.data;
    if (change.subjects !== undefined) set.subjects = change.subjects;
    if (change.outbox !== undefined) set.outbox = change.outbox;
    if (change.lease) set.lease = change.lease;
    else if (change.lease === null) unset.push('lease');
    const next =
      change.nextEffectAt !== undefined
        ? change.nextEffectAt
        : change.outbox && (earliestPendingEffect(change.outbox) ?? null);
    if (next) set.nextEffectAt = next;
    else if (next === null) unset.push('nextEffectAt');
    const doc = await this.guard.update(this.items, id, expectedVersion, { set, unset });
    return doc ? toWorkflowItem<TData>(doc) : undefined;
  }

  async find<TData>(query: WorkflowQuery): Promise<WorkflowItem<TData>[]> {
    if (query.limit !== undefined && query.limit <= 0) return [];
    const filter: Filter<WorkflowDoc> = {};
    if (query.kind !== undefined) filter.kind = query.kind;
    if (query.states) filter.state = { $in: query.states };
    if (query.subject !== undefined) filter.subjects = query.subject;
    if (query.effectsDueBy) filter.nextEffectAt = { $lte: query.effectsDueBy };
    const sort: Sort = query.effectsDueBy ? { nextEffectAt: 1, _id: 1 } : { createdAt: -1, _id: -1 };
    const cursor = this.items.find(filter).sort(sort);
    if (query.limit !== undefined) cursor.limit(query.limit);
    return (await cursor.toArray()).map((doc) => toWorkflowItem<TData>(doc));
  }
}
