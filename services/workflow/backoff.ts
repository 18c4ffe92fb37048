/**
 * Exponential backoff with "equal jitter": the ceiling is base, 2×base, 4×base … never more than cap,
 * and the wait lies between half the ceiling and all of it. The jitter spreads out the retries of many
 * items that failed together (Graph down for everyone), so they do not come back in one burst and get
 * throttled again. `attempt` starts at 1; `random` returns [0, 1), and 0 gives the full ceiling.
 */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  const exp = Math.min(30, Math.max(0, attempt - 1));
  const ceiling = Math.min(capMs, baseMs * 2 ** exp);
  return Math.round(ceiling * (1 - random() / 2));
}
