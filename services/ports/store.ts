import type { AuditLog } from './auditLog';
import type { ConversationStore } from './conversationStore';
import type { DigestStores } from './digestStore';
import type { JobStore } from './jobStore';
import type { WorkflowStore } from './workflowStore';

/** Everything Gatekeeper persists, behind one handle per adapter (MongoDB, or in-memory for demo mode). */
export interface Store {
  readonly conversations: ConversationStore;
  readonly workflows: WorkflowStore;
  readonly audit: AuditLog;
  readonly jobs: JobStore;
  /** The weekly digest's history, items and timers. */
  readonly digest: DigestStores;
  /** Resolves when the store answers; rejects otherwise (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
