import type { AuditEvent, AuditLog, AuditQuery } from '../../ports/auditLog';
import { compareIds } from './compareIds';
import { copy } from './copy';

/** Append-only audit events in memory; same filters and order as the MongoDB adapter. */
export class MemoryAuditLog implements AuditLog {
  private readonly events = new Map<string, AuditEvent>();

  async append(event: AuditEvent): Promise<void> {
    if (!this.events.has(event.id)) this.events.set(event.id, copy(event));
  }

  async appendMany(events: AuditEvent[]): Promise<void> {
    for (const event of events) await this.append(event);
  }

  async list(query: AuditQuery): Promise<AuditEvent[]> {
    if (query.limit !== undefined && query.limit <= 0) return [];
    const matches = [...this.events.values()]
      .filter((e) => matchesAudit(e, query))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || compareIds(a.id, b.id));
    return copy(query.limit === undefined ? matches : matches.slice(0, query.limit));
  }
}

/** `since` is inclusive and `until` exclusive, so consecutive windows never count an event twice. */
function matchesAudit(e: AuditEvent, q: AuditQuery): boolean {
  if (q.since && e.at.getTime() < q.since.getTime()) return false;
  if (q.until && e.at.getTime() >= q.until.getTime()) return false;
  if (q.types && !q.types.includes(e.type)) return false;
  if (q.itemId !== undefined && e.itemId !== q.itemId) return false;
  if (q.actorId !== undefined && e.actorId !== q.actorId) return false;
  return true;
}
