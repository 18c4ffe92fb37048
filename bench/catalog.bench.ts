import { AccessCatalogService } from '../services/access/accessCatalogService';
import type { BenchGraph } from './graph';
import { atMost, correct, median, timed, type Benchmark } from './harness';
import { BENCH_PACKAGES, CATALOG_USER, requestableGenerated } from './tenant';

const RUNS = 5;
const BATCH_LIMIT = 20;
const PAGE_SIZE = 100;

/**
 * The catalog for one user over BENCH_PACKAGES packages: what the user may request comes from
 * `accessPackages/filterByCurrentUser(on='allowedRequestor')` in pages, with no call per package (any
 * per-package reads would have to travel in $batch calls of 20).
 */
export function catalogBenchmark(graph: BenchGraph, generatedPackages: number): Benchmark {
  return {
    name: 'catalog',
    async run() {
      graph.reset();
      const service = new AccessCatalogService({ entitlement: graph.gateways().entitlement });
      const who = graph.as(CATALOG_USER);
      await service.browse(who); // warm-up: the on-behalf-of token exchange is not what we measure
      const log = graph.emulator.requestLog;
      const times: number[] = [];
      const batches: number[] = [];
      const pages: number[] = [];
      const totals: number[] = [];
      const offered = new Set<number>();
      const problems: string[] = [];
      const minimum = requestableGenerated(generatedPackages);
      const maximum = minimum + (BENCH_PACKAGES - generatedPackages);
      for (let i = 0; i < RUNS; i++) {
        log.clear();
        const { ms, value } = await timed(() => service.browse(who));
        times.push(ms);
        offered.add(value.total);
        const top = log.find({ api: 'graph', inBatch: false });
        batches.push(top.filter((r) => r.path.endsWith('/$batch')).length);
        pages.push(
          top.filter((r) => r.method === 'GET' && /\/accessPackages(\/filterByCurrentUser|$)/.test(r.path))
            .length,
        );
        totals.push(top.length);
        if (value.total < minimum || value.total > maximum)
          problems.push(`run ${i}: ${value.total} requestable, expected ${minimum}..${maximum}`);
        const failed = log.count((r) => r.status >= 400);
        if (failed > 0) problems.push(`run ${i}: ${failed} failed Graph call(s)`);
      }
      const maxBatches = Math.ceil(BENCH_PACKAGES / BATCH_LIMIT);
      const maxPages = Math.ceil(BENCH_PACKAGES / PAGE_SIZE);
      return [
        correct(
          'catalog: packages offered to the user',
          problems,
          `${minimum}..${maximum} each run`,
          `${[...offered].join(', ')} each run`,
        ),
        atMost('catalog: $batch calls per catalog', Math.max(...batches), maxBatches, 'calls'),
        atMost('catalog: package list pages per catalog', Math.max(...pages), maxPages, 'calls'),
        atMost('catalog: Graph calls per catalog (all)', Math.max(...totals), maxBatches + maxPages, 'calls'),
        atMost(`catalog: wall time, median of ${RUNS}`, median(times), 5000, 'ms'),
      ];
    },
  };
}
