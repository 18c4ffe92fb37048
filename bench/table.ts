import type { BenchResult } from './harness';

/** The results as a plain-text table: name, measured value, target, PASS/FAIL. */
export function renderTable(rows: BenchResult[]): string {
  const header = ['Benchmark', 'Measured', 'Target', 'Result'];
  const cells = rows.map((r) => [r.name, r.value, r.target, r.pass ? 'PASS' : 'FAIL']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}
