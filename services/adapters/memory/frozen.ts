/**
 * A deep-frozen copy of a value to store, dropping undefined properties as the MongoDB adapter does
 * (driver option ignoreUndefined). Parts that are frozen already were stored before and are shared, not
 * copied, so a change that keeps most of an item costs only what it changes, and reads hand out the
 * stored value itself: nobody can change it behind the store's back.
 */
export function frozen<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (value instanceof Date) return Object.freeze(new Date(value.getTime())) as T;
  if (Array.isArray(value)) return Object.freeze(value.map((v: unknown) => frozen(v))) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = frozen(v);
  return Object.freeze(out) as T;
}
