import type { AuditEvent } from '../../ports/auditLog';
import type { ConversationRecord } from '../../ports/conversationStore';
import type { Job } from '../../ports/jobStore';
import type { WorkflowItem } from '../../ports/workflowStore';

/** Bumped, with a migration, whenever a stored shape changes incompatibly. */
export const SCHEMA_VERSION = 1;

/** Fields every stored document has; `version` drives conditional updates (see RevisionGuard). */
export interface BaseDoc {
  _id: string;
  schemaVersion: number;
}

export type WorkflowDoc = BaseDoc &
  Omit<WorkflowItem, 'id'> & {
    /** JSON [kind, idempotencyKey], present only with a key: the sparse unique index behind idempotency. */
    idempotencyScope?: string;
  };

/** `groups`: the id's prefixes that end in ':' (see jobGroups), so a cancel by prefix is an equality match. */
export type JobDoc = BaseDoc & Omit<Job, 'id'> & { version: number; groups?: string[] };
export type AuditDoc = BaseDoc & Omit<AuditEvent, 'id'>;
export type ConversationDoc = BaseDoc & Omit<ConversationRecord, 'userId'>;

/** Unique per (kind, key) as one string, because FerretDB has no partial indexes and compound sparse ones index a missing key as null in MongoDB. */
export function idempotencyScope(kind: string, key: string | undefined): string | undefined {
  return key === undefined ? undefined : JSON.stringify([kind, key]);
}

export function toWorkflowItem<TData>(doc: WorkflowDoc): WorkflowItem<TData> {
  const { _id, schemaVersion: _s, idempotencyScope: _k, ...rest } = doc;
  return { id: _id, ...rest } as WorkflowItem<TData>;
}

export function toJob(doc: JobDoc): Job {
  const { _id, schemaVersion: _s, version: _v, groups: _g, ...rest } = doc;
  return { id: _id, ...rest };
}

export function toAuditEvent(doc: AuditDoc): AuditEvent {
  const { _id, schemaVersion: _s, ...rest } = doc;
  return { id: _id, ...rest };
}

export function toConversationRecord(doc: ConversationDoc): ConversationRecord {
  const { _id, schemaVersion: _s, ...rest } = doc;
  return { userId: _id, ...rest };
}
