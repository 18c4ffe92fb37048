/**
 * `npm run bench`: Gatekeeper's performance targets (never in timed tests). Graph benchmarks count calls
 * in the emulator's request log, which is stable on a loaded machine; times are medians with generous
 * targets. Prints a table and exits non-zero when any target is missed.
 */
import { catalogBenchmark } from './catalog.bench';
import { conditionalUpdateBenchmark } from './conditionalUpdate.bench';
import { startBenchGraph } from './graph';
import type { BenchResult, Benchmark } from './harness';
import { jobClaimsBenchmark } from './jobClaims.bench';
import { pagingBenchmark } from './paging.bench';
import { benchStores } from './stores';
import { renderTable } from './table';
import { benchTenant } from './tenant';
import { throttleBenchmark } from './throttle.bench';

async function runAll(benchmarks: Benchmark[], rows: BenchResult[]): Promise<void> {
  for (const b of benchmarks) {
    const started = performance.now();
    process.stdout.write(`• ${b.name} … `);
    try {
      rows.push(...(await b.run()));
      console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (err) {
      console.log('failed');
      const message = err instanceof Error ? err.message : String(err);
      rows.push({ name: b.name, value: `error: ${message}`, target: 'runs', pass: false });
    }
  }
}

async function main(): Promise<number> {
  const rows: BenchResult[] = [];
  const started = performance.now();
  const { fixture, generatedPackages } = benchTenant();
  const graph = await startBenchGraph(fixture);
  console.log(`Graph emulator at ${graph.emulator.url} with the generated tenant`);
  try {
    await runAll(
      [catalogBenchmark(graph, generatedPackages), throttleBenchmark(graph), pagingBenchmark(graph)],
      rows,
    );
  } finally {
    await graph.stop();
  }
  const stores = await benchStores();
  console.log(`Store: in-memory and ${stores.describe}`);
  try {
    const [memory, mongo] = stores.stores as [(typeof stores.stores)[0], (typeof stores.stores)[0]];
    await runAll(
      [
        conditionalUpdateBenchmark(memory, 500, 2000),
        conditionalUpdateBenchmark(mongo, 25, 50),
        jobClaimsBenchmark(memory, 5_000),
        jobClaimsBenchmark(mongo, 90_000),
      ],
      rows,
    );
  } finally {
    await stores.stop();
  }
  console.log(`\n${renderTable(rows)}\n`);
  const failed = rows.filter((r) => !r.pass).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(failed ? `${failed} target(s) missed (${seconds} s)` : `All targets met (${seconds} s)`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
