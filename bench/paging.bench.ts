import type { BenchGraph } from './graph';
import { atMost, correct, exactly, median, timed, type Benchmark } from './harness';
import { BENCH_USERS } from './tenant';

const RUNS = 3;
const TOP = 100;

/** Listing every user with $top=100 through the gateway's paging helper follows each nextLink once. */
export function pagingBenchmark(graph: BenchGraph): Benchmark {
  return {
    name: 'paging',
    async run() {
      graph.reset();
      const session = graph.factory().app();
      const path = `/users?$select=id,displayName&$top=${TOP}`;
      const log = graph.emulator.requestLog;
      const times: number[] = [];
      const calls: number[] = [];
      const problems: string[] = [];
      for (let i = 0; i < RUNS; i++) {
        log.clear();
        const { ms, value } = await timed(() => session.getAll<{ id: string }>('bench users', path));
        times.push(ms);
        calls.push(log.count({ api: 'graph', method: 'GET', path: '/v1.0/users' }));
        const distinct = new Set(value.map((u) => u.id)).size;
        if (value.length !== BENCH_USERS || distinct !== BENCH_USERS)
          problems.push(`run ${i}: ${value.length} users (${distinct} distinct), expected ${BENCH_USERS}`);
      }
      return [
        correct(`paging: every user listed once`, problems, `${BENCH_USERS} distinct users each run`),
        exactly(`paging: page requests ($top=${TOP})`, Math.max(...calls), BENCH_USERS / TOP, 'calls'),
        atMost(`paging: wall time, median of ${RUNS}`, median(times), 15_000, 'ms'),
      ];
    },
  };
}
