import type { Progress } from './watchdog';

/** One measured value of a benchmark against its target. */
export interface BenchResult {
  name: string;
  /** What was measured, formatted for the table. */
  value: string;
  /** The target, formatted for the table (e.g. "≤ 30 calls"). */
  target: string;
  pass: boolean;
}

/**
 * A benchmark: sets up what it needs, measures, tears down, and returns one row per target. It reports
 * its steps to `progress` (see Watchdog), so that a stall fails naming the step instead of hanging.
 */
export interface Benchmark {
  name: string;
  run(progress: Progress): Promise<BenchResult[]>;
}

/** Median of a non-empty list (the mean of the middle two for an even length). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` and returns how long it took, in milliseconds, with its value. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** A row for "measured must be at most max". */
export function atMost(name: string, measured: number, max: number, unit: string): BenchResult {
  return { name, value: `${fmt(measured)} ${unit}`, target: `≤ ${fmt(max)} ${unit}`, pass: measured <= max };
}

/** A row for "measured must be at least min". */
export function atLeast(name: string, measured: number, min: number, unit: string): BenchResult {
  return { name, value: `${fmt(measured)} ${unit}`, target: `≥ ${fmt(min)} ${unit}`, pass: measured >= min };
}

/** A row for "measured must equal want". */
export function exactly(name: string, measured: number, want: number, unit: string): BenchResult {
  return {
    name,
    value: `${fmt(measured)} ${unit}`,
    target: `= ${fmt(want)} ${unit}`,
    pass: measured === want,
  };
}

/** A correctness row: `problems` lists what went wrong (empty when all is well); `seen` shows what was. */
export function correct(name: string, problems: string[], what: string, seen = what): BenchResult {
  return {
    name,
    value: problems.length === 0 ? seen : `${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}`,
    target: what,
    pass: problems.length === 0,
  };
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
