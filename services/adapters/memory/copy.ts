/**
 * Deep copy of stored values, dropping properties whose value is undefined — as the MongoDB adapter does
 * (driver option ignoreUndefined) — so both adapters hand back the same shapes and callers never share
 * references with stored state.
 */
export function copy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => copy(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = copy(v);
    return out as T;
  }
  return value;
}
