import { GraphHttpError, type GraphRequest } from '../routing';

type Row = Record<string, unknown>;

/** `$select` as a list of property names, or undefined when absent. */
export function readSelect(req: GraphRequest): string[] | undefined {
  const raw = req.query.get('$select');
  if (!raw) return undefined;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `$expand` as a list of navigation properties (options in parentheses dropped); modules decide. */
export function readExpand(req: GraphRequest): string[] {
  const raw = req.query.get('$expand');
  if (!raw) return [];
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of raw) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out.map((e) => e.replace(/\(.*\)$/, '').trim());
}

/** Keeps the selected properties (and OData annotations) of an entity. */
export function applySelect(item: Row, select: string[] | undefined): Row {
  if (!select || select.includes('*')) return item;
  const out: Row = {};
  for (const [k, v] of Object.entries(item)) if (k.startsWith('@odata.')) out[k] = v;
  for (const key of select) if (key in item) out[key] = item[key];
  return out;
}

/** Sorts by `$orderby` ("name [asc|desc], …"); values compare case-insensitively, nulls first. */
export function applyOrderBy<T extends Row>(items: T[], raw: string | null): T[] {
  if (!raw) return items;
  const keys = raw.split(',').map((part) => {
    const [prop, dir = 'asc'] = part.trim().split(/\s+/);
    if (!prop || !['asc', 'desc'].includes(dir.toLowerCase())) {
      throw new GraphHttpError(400, 'BadRequest', `Invalid $orderby expression '${raw}'.`);
    }
    return { path: prop.split('/'), sign: dir.toLowerCase() === 'desc' ? -1 : 1 };
  });
  const read = (item: Row, path: string[]) =>
    path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Row)[k] : undefined), item);
  return [...items].sort((a, b) => {
    for (const { path, sign } of keys) {
      const [x, y] = [read(a, path), read(b, path)];
      if (x === y) continue;
      if (x === undefined || x === null) return -sign;
      if (y === undefined || y === null) return sign;
      const c =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y), 'en', { sensitivity: 'base' });
      if (c !== 0) return c * sign;
    }
    return 0;
  });
}

/** Directory `$search`: `"prop:term"` clauses joined by AND / OR, matching word prefixes. */
export function compileSearch(raw: string | null): ((item: Row) => boolean) | undefined {
  if (!raw) return undefined;
  const groups = raw.split(/\s+OR\s+/).map((orPart) =>
    orPart.split(/\s+AND\s+/).map((clause) => {
      const m = /^"([\w.]+):([^"]*)"$/.exec(clause.trim());
      if (!m) {
        throw new GraphHttpError(
          400,
          'Request_UnsupportedQuery',
          `Unsupported or invalid query filter clause specified for property ... $search: ${clause}`,
        );
      }
      return { prop: m[1]!, term: m[2]!.toLowerCase() };
    }),
  );
  const matches = (item: Row, { prop, term }: { prop: string; term: string }) => {
    const value = item[prop];
    if (typeof value !== 'string') return false;
    const lower = value.toLowerCase();
    return lower.startsWith(term) || lower.split(/[\s@._-]+/).some((word) => word.startsWith(term));
  };
  return (item) => groups.some((and) => and.every((c) => matches(item, c)));
}
