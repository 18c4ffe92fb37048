import { commandParsingBenchmark } from './commands.bench';
import { fuzzAnswersBenchmark } from './fuzz.bench';

/** Issue 9's benchmarks; each sets up what it needs (the fuzz one starts a demo-mode bot). */
export const hardeningGroup = {
  names: ['command parsing', 'fuzz answers'],
  start: async () => ({
    benchmarks: [commandParsingBenchmark(), fuzzAnswersBenchmark()],
    stop: async () => undefined,
  }),
};
