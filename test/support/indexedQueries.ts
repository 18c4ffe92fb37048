import type { CommandStartedEvent, Document, IndexDescription } from 'mongodb';

/** A query the driver sent that no declared index serves. */
export interface UnservedQuery {
  collection: string;
  command: string;
  filter: Document;
  sort?: Document;
}

/** The commands that read or change documents by a filter, and where each keeps its filter and sort. */
const SHAPES: Record<string, (c: Document) => { filter?: Document; sort?: Document }[]> = {
  find: (c) => [{ filter: c.filter as Document, sort: c.sort as Document }],
  findAndModify: (c) => [{ filter: c.query as Document, sort: c.sort as Document }],
  count: (c) => [{ filter: c.query as Document }],
  distinct: (c) => [{ filter: c.query as Document }],
  update: (c) => (c.updates as Document[]).map((u) => ({ filter: u.q as Document })),
  delete: (c) => (c.deletes as Document[]).map((d) => ({ filter: d.q as Document })),
  aggregate: (c) => {
    const match = (c.pipeline as Document[])[0]?.$match as Document | undefined;
    return [{ filter: match ?? {} }];
  },
};

/**
 * The queries in `events` that no index in `indexes` serves. A query is served when it names `_id`, or
 * when the first field of one of its collection's indexes is constrained by the filter (or, for an
 * unfiltered sorted read, is the first sort field) — what the query planner needs to avoid a
 * collection scan. Fields under $and are constrained; under $or only if every branch constrains them.
 */
export function unservedQueries(
  events: readonly CommandStartedEvent[],
  indexes: Readonly<Record<string, IndexDescription[]>>,
): UnservedQuery[] {
  const out: UnservedQuery[] = [];
  for (const event of events) {
    const shape = SHAPES[event.commandName];
    if (!shape) continue;
    const collection = String(event.command[event.commandName]);
    for (const { filter = {}, sort } of shape(event.command)) {
      const fields = constrained(filter);
      const leading = (indexes[collection] ?? []).map((i) => Object.keys(i.key)[0]!);
      const sortFirst = sort ? Object.keys(sort)[0] : undefined;
      const served =
        fields.has('_id') || leading.some((f) => fields.has(f) || (fields.size === 0 && f === sortFirst));
      if (!served) out.push({ collection, command: event.commandName, filter, sort });
    }
  }
  return out;
}

/** The fields a filter constrains (an equality, a range, $in, $regex, $exists: true …). */
export function constrained(filter: Document): Set<string> {
  const fields = new Set<string>();
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') for (const f of value as Document[]) constrained(f).forEach((x) => fields.add(x));
    else if (key === '$or') {
      const branches = (value as Document[]).map(constrained);
      for (const f of branches[0] ?? []) if (branches.every((b) => b.has(f))) fields.add(f);
    } else if (!key.startsWith('$') && !isExistsFalse(value)) fields.add(key);
  }
  return fields;
}

/** `{ $exists: false }` matches documents without the field, which an ordinary index does not narrow. */
function isExistsFalse(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Document).$exists === false;
}
