import type { Collection, Filter } from 'mongodb';
import type { AuditEvent, AuditLog, AuditQuery } from '../../ports/auditLog';
import { SCHEMA_VERSION, toAuditEvent, type AuditDoc } from './documents';
import { isDuplicateKey, onlyDuplicates } from './errors';

/** Audit events in the `audit` collection: insert-only, the writer's id as _id. */
export class MongoAuditLog implements AuditLog {
  constructor(private readonly events: Collection<AuditDoc>) {}

  async append(event: AuditEvent): Promise<void> {
    const { id, ...rest } = event;
    try {
      await this.events.insertOne({ _id: id, schemaVersion: SCHEMA_VERSION, ...rest });
    } catch (error) {
      // A retried append: the first write stands, unchanged.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async appendMany(events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const docs = events.map(({ id, ...rest }) => ({ _id: id, schemaVersion: SCHEMA_VERSION, ...rest }));
    try {
      await this.events.insertMany(docs, { ordered: false });
    } catch (error) {
      // Unordered: every new event is written; only the retried ones were refused, and they stand.
      if (!onlyDuplicates(error)) throw error;
    }
  }

  async list(query: AuditQuery): Promise<AuditEvent[]> {
    if (query.limit !== undefined && query.limit <= 0) return [];
    const filter: Filter<AuditDoc> = {};
    // since inclusive, until exclusive: consecutive windows never count an event twice.
    if (query.since || query.until) {
      filter.at = { ...(query.since && { $gte: query.since }), ...(query.until && { $lt: query.until }) };
    }
    if (query.types) filter.type = { $in: query.types };
    if (query.itemId !== undefined) filter.itemId = query.itemId;
    if (query.actorId !== undefined) filter.actorId = query.actorId;
    const cursor = this.events.find(filter).sort({ at: 1, _id: 1 });
    if (query.limit !== undefined) cursor.limit(query.limit);
    return (await cursor.toArray()).map(toAuditEvent);
  }
}
