import type { FilterNode } from './filterParser';
import { parseFilter } from './filterParser';

type Scope = Record<string, unknown>;
/** A predicate compiled from `$filter`. */
export type FilterPredicate = (item: Record<string, unknown>) => boolean;

/** Reads a navigation path (`accessPackage/id`) from an object; lambda variables resolve from scope. */
function readPath(item: unknown, segs: string[], scope: Scope): unknown {
  const [first, ...rest] = segs;
  let value: unknown =
    first !== undefined && first in scope ? scope[first] : (item as Scope | undefined)?.[first!];
  for (const seg of rest) {
    value = value && typeof value === 'object' ? (value as Scope)[seg] : undefined;
  }
  return value;
}

function evalValue(node: FilterNode, item: unknown, scope: Scope): unknown {
  switch (node.t) {
    case 'lit':
      return node.v;
    case 'path':
      return readPath(item, node.segs, scope);
    case 'call': {
      const args = node.args.map((a) => evalValue(a, item, scope));
      const [a, b] = args;
      if (node.fn === 'tolower') return typeof a === 'string' ? a.toLowerCase() : a;
      if (node.fn === 'toupper') return typeof a === 'string' ? a.toUpperCase() : a;
      if (typeof a !== 'string' || typeof b !== 'string') return false;
      // Directory string matching is case-insensitive in Graph.
      const [x, y] = [a.toLowerCase(), b.toLowerCase()];
      if (node.fn === 'startswith') return x.startsWith(y);
      if (node.fn === 'endswith') return x.endsWith(y);
      return x.includes(y);
    }
    default:
      return evalBool(node, item, scope);
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T/;

function compare(a: unknown, b: unknown): number | undefined {
  if (a === null || a === undefined || b === null || b === undefined) return undefined;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    if (ISO.test(a) && ISO.test(b)) return Date.parse(a) - Date.parse(b);
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}

function equal(a: unknown, b: unknown): boolean {
  if ((a ?? null) === null || (b ?? null) === null) return (a ?? null) === (b ?? null);
  return compare(a, b) === 0;
}

function evalBool(node: FilterNode, item: unknown, scope: Scope): boolean {
  switch (node.t) {
    case 'logic':
      return node.op === 'and'
        ? evalBool(node.l, item, scope) && evalBool(node.r, item, scope)
        : evalBool(node.l, item, scope) || evalBool(node.r, item, scope);
    case 'not':
      return !evalBool(node.e, item, scope);
    case 'cmp': {
      const [l, r] = [evalValue(node.l, item, scope), evalValue(node.r, item, scope)];
      if (node.op === 'eq') return equal(l, r);
      if (node.op === 'ne') return !equal(l, r);
      const c = compare(l, r);
      if (c === undefined) return false;
      return { gt: c > 0, ge: c >= 0, lt: c < 0, le: c <= 0 }[node.op];
    }
    case 'lambda': {
      const coll = readPath(item, node.segs, scope);
      const list = Array.isArray(coll) ? coll : [];
      if (!node.body || !node.variable) return list.length > 0;
      const test = (el: unknown) => evalBool(node.body!, item, { ...scope, [node.variable!]: el });
      return node.kind === 'any' ? list.some(test) : list.every(test);
    }
    default:
      return Boolean(evalValue(node, item, scope));
  }
}

/** Compiles an already parsed filter into a predicate. */
export function predicateOf(node: FilterNode): FilterPredicate {
  return (item) => evalBool(node, item, {});
}

/** Parses and compiles `$filter`; no filter matches everything. Throws Graph's 400 on bad syntax. */
export function compileFilter(text: string | null | undefined): FilterPredicate {
  if (!text || !text.trim()) return () => true;
  return predicateOf(parseFilter(text));
}
