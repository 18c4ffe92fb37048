import { atLeast, correct, timed, type Benchmark } from './harness';
import type { BenchStore } from './stores';

const WRITERS = 20;

/**
 * WRITERS writers race to update one workflow item on the version it had: each round exactly one must
 * win (the store's only state-change primitive), and the version must end at 1 + rounds.
 */
export function conditionalUpdateBenchmark(
  store: BenchStore,
  rounds: number,
  minPerSecond: number,
): Benchmark {
  return {
    name: `conditional updates (${store.label})`,
    async run() {
      const { store: s, dispose } = await store.open();
      try {
        const at = new Date();
        await s.workflows.create({
          id: 'bench-item',
          kind: 'bench',
          state: 'open',
          data: {},
          subjects: [],
          at,
        });
        const problems: string[] = [];
        let lastWinner: unknown;
        const { ms } = await timed(async () => {
          for (let round = 0; round < rounds; round++) {
            const version = round + 1;
            const results = await Promise.all(
              Array.from({ length: WRITERS }, (_, writer) =>
                s.workflows.update('bench-item', version, { data: { round, writer }, at: new Date() }),
              ),
            );
            const winners = results.filter((r) => r !== undefined);
            if (winners.length !== 1) problems.push(`round ${round}: ${winners.length} winners`);
            else if (winners[0]!.version !== version + 1) problems.push(`round ${round}: wrong new version`);
            lastWinner = winners[0]?.data;
          }
        });
        const final = await s.workflows.get('bench-item');
        if (final?.version !== rounds + 1)
          problems.push(`final version ${final?.version}, expected ${rounds + 1}`);
        // The stored data is the last winner's: no loser's write slipped in after it.
        if (JSON.stringify(final?.data) !== JSON.stringify(lastWinner))
          problems.push("final data is not the last winner's");
        const attempts = (rounds * WRITERS) / (ms / 1000);
        return [
          correct(
            `updates ${store.label}: one winner per round (${rounds}×${WRITERS})`,
            problems,
            'exactly one',
          ),
          atLeast(`updates ${store.label}: conditional updates/s`, Math.round(attempts), minPerSecond, '/s'),
        ];
      } finally {
        await dispose();
      }
    },
  };
}
