/**
 * `npm run bench [-- name…]`: Gatekeeper's performance targets (never in timed tests). Graph benchmarks
 * count calls in the emulator's request log, which stays stable on a loaded machine; times are medians
 * with generous targets. Prints a table and exits non-zero when any target is missed. Names given on
 * the command line run only the benchmarks whose name contains one of them.
 */
import { catalogBenchmark } from './catalog.bench';
import { conditionalUpdateBenchmark } from './conditionalUpdate.bench';
import { crashGroup } from './crash.bench';
import { digestGroup } from './digest.bench';
import { startBenchGraph } from './graph';
import { hardeningGroup } from './hardening.bench';
import { identityGroup } from './identity.bench';
import type { BenchResult, Benchmark } from './harness';
import { jobClaimsBenchmark } from './jobClaims.bench';
import { pagingBenchmark } from './paging.bench';
import { reviewsBenchmark } from './reviews.bench';
import { benchStores } from './stores';
import { renderTable } from './table';
import { benchTenant } from './tenant';
import { throttleBenchmark } from './throttle.bench';
import { turnBenchmarks } from './turns.bench';
import { Watchdog } from './watchdog';
import { resolve } from 'node:path';
import { connectMongoStore } from '../services/adapters/mongo';
import { createMemoryStore } from '../services/adapters/memory';
import { startFerretDb } from '../test/support/ferretdb';

/** Benchmarks sharing one setup (the emulator, or the stores), started only when one of them is wanted. */
interface Group {
  names: string[];
  start(): Promise<{ benchmarks: Benchmark[]; stop(): Promise<void> }>;
}

const GROUPS: Group[] = [
  hardeningGroup,
  crashGroup,
  digestGroup,
  identityGroup,
  {
    names: ['turns (memory)', 'turns (ferretdb)', 'turns (mongodb)'],
    async start() {
      const given = process.env.MONGODB_URI;
      const ferret = given ? undefined : await startFerretDb(resolve(__dirname, '..'));
      const uri = given ?? ferret!.uri;
      const dbName = `gk_bench_turns_${Date.now()}`;
      console.log(
        `Turns: a floor bot, the bot in memory, and the bot on ${given ? 'MONGODB_URI' : 'FerretDB'}`,
      );
      const benchmarks = [
        turnBenchmarks('memory', () => Promise.resolve(createMemoryStore()), true),
        turnBenchmarks(
          given ? 'mongodb' : 'ferretdb',
          (onCommand, onCommandDone) => connectMongoStore({ uri, dbName, onCommand, onCommandDone }),
          false,
        ),
      ];
      return { benchmarks, stop: async () => ferret?.stop() };
    },
  },
  {
    names: ['catalog', 'throttle', 'paging'],
    async start() {
      const { fixture, generatedPackages } = benchTenant();
      const graph = await startBenchGraph(fixture);
      console.log(`Graph emulator at ${graph.emulator.url}, generated tenant (5,000 users, 500 packages)`);
      const benchmarks = [
        catalogBenchmark(graph, generatedPackages),
        throttleBenchmark(graph),
        pagingBenchmark(graph),
      ];
      return { benchmarks, stop: () => graph.stop() };
    },
  },
  {
    names: ['review of 2,000'],
    start: () => Promise.resolve({ benchmarks: [reviewsBenchmark()], stop: () => Promise.resolve() }),
  },
  {
    // Benchmark names carry the adapter's label: memory, and ferretdb or mongodb (MONGODB_URI).
    names: ['memory', 'ferretdb', 'mongodb'].flatMap((s) => [
      `conditional updates (${s})`,
      `job claims (${s})`,
    ]),
    async start() {
      const { stores, describe, stop } = await benchStores();
      console.log(`Stores: in-memory, and ${describe}`);
      const [memory, mongo] = stores as [(typeof stores)[0], (typeof stores)[0]];
      const benchmarks = [
        conditionalUpdateBenchmark(memory, 500, 2_000),
        conditionalUpdateBenchmark(mongo, 25, 50),
        jobClaimsBenchmark(memory, 5_000, { JOBS: 1000, SCHEDULERS: 4 }),
        // FerretDB writes take milliseconds each (a claim is 3 round trips, a completion 4): 1,000 jobs
        // would take minutes, so the wire-protocol run is smaller.
        jobClaimsBenchmark(mongo, 90_000, { JOBS: 250, SCHEDULERS: 4 }),
      ];
      return { benchmarks, stop };
    },
  },
];

/**
 * How long a benchmark's step may go without progress (BENCH_STALL_SECONDS, default 120), and one that
 * reports no steps its whole run (an hour, for long runs such as the digest that report none).
 */
const STALL_LIMITS = {
  stepMs: Number(process.env.BENCH_STALL_SECONDS || 120) * 1000,
  unreportedMs: 60 * 60_000,
};

async function runBenchmark(b: Benchmark, rows: BenchResult[]): Promise<void> {
  const started = performance.now();
  console.log(`• ${b.name}`);
  const watchdog = new Watchdog(b.name, STALL_LIMITS, (line) => console.log(line));
  try {
    rows.push(...(await Promise.race([b.run(watchdog), watchdog.stalled])));
    console.log(`  ${b.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    rows.push({ name: b.name, value: `error: ${message}`, target: 'runs', pass: false });
    if (watchdog.hasStalled) {
      // What is stuck may never let go (its teardown would wait on it too): report and leave. The
      // stand-in's processes are ended by their exit handlers.
      console.error(`\n${message}\n\n${renderTable(rows)}\n`);
      process.exit(1);
    }
    console.log(`  ${b.name}: failed`);
  } finally {
    watchdog.stop();
  }
}

async function main(filters: string[]): Promise<number> {
  const wanted = (name: string) => filters.length === 0 || filters.some((f) => name.includes(f));
  const rows: BenchResult[] = [];
  const started = performance.now();
  for (const group of GROUPS) {
    if (!group.names.some(wanted)) continue;
    const { benchmarks, stop } = await group.start();
    try {
      for (const b of benchmarks) if (wanted(b.name)) await runBenchmark(b, rows);
    } finally {
      await stop();
    }
  }
  if (rows.length === 0) {
    console.error(`No benchmark matches ${filters.join(', ')}`);
    return 2;
  }
  console.log(`\n${renderTable(rows)}\n`);
  const failed = rows.filter((r) => !r.pass).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(failed ? `${failed} target(s) missed (${seconds} s)` : `All targets met (${seconds} s)`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
