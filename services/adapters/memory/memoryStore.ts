import type { Store } from '../../ports/store';
import { MemoryAuditLog } from './memoryAuditLog';
import { MemoryConversationStore } from './memoryConversationStore';
import { MemoryDigestStore } from './memoryDigestStore';
import { MemoryJobStore } from './memoryJobStore';
import { MemoryWorkflowStore } from './memoryWorkflowStore';

/** The embedded store of demo mode: everything in process memory, gone when the process ends. */
export function createMemoryStore(): Store {
  return {
    conversations: new MemoryConversationStore(),
    workflows: new MemoryWorkflowStore(),
    audit: new MemoryAuditLog(),
    jobs: new MemoryJobStore(),
    digest: { runs: new MemoryDigestStore(), items: new MemoryWorkflowStore(), jobs: new MemoryJobStore() },
    ping: async () => undefined,
    close: async () => undefined,
  };
}
