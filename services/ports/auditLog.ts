/** One thing that happened: a request, a decision, a notification. Never changed once written. */
export interface AuditEvent {
  /** Stable id chosen by the writer, so a retried append does not write twice. */
  id: string;
  at: Date;
  type: string;
  /** Entra object id of the user who acted; absent for the system (timers, app-only work). */
  actorId?: string;
  itemId?: string;
  summary: string;
  /** Where it came from, e.g. { card: 'approval-request', activityId: '…' }. */
  source?: Record<string, string>;
  details?: Record<string, unknown>;
}

export interface AuditQuery {
  since?: Date;
  until?: Date;
  types?: string[];
  itemId?: string;
  actorId?: string;
  limit?: number;
}

/** Append-only audit trail the weekly digest reads. */
export interface AuditLog {
  /** Appends the event; appending an id that exists already is a no-op. */
  append(event: AuditEvent): Promise<void>;
  /** Appends several in one write; ids that exist already are skipped, the others still appended. */
  appendMany(events: AuditEvent[]): Promise<void>;
  /** Oldest first. */
  list(query: AuditQuery): Promise<AuditEvent[]>;
}
