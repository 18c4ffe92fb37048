import demoTenant from '../emulator/fixtures/demo-tenant.json';
import { channelUsers, type ChannelFixture } from '../emulator/teams/users';
import { startDemoApp } from '../test/support/demoApp';
import { fuzzCases } from '../test/support/fuzzActivities';
import { takeViolations } from '../test/support/networkGuard';
import { atMost, correct, type Benchmark } from './harness';
import { inPool } from '../services/inPool';

const SEED = 9;
const COUNT = 300;
const IN_FLIGHT = 4;

/**
 * The fuzz test's 300 malformed and odd activities (test/e2e/inbound/fuzzMessages.test.ts) against the
 * demo-mode bot, timed: no answer slower than 1 s (issue 9), none a 5xx but 501, nothing sent beyond
 * loopback (the test network guard is loaded with this file and refuses it).
 */
export function fuzzAnswersBenchmark(): Benchmark {
  return {
    name: 'fuzz answers',
    async run() {
      const t = await startDemoApp('warn');
      try {
        for (const alias of ['AdeleV', 'MeganB', 'LeeG']) await t.channel.install(alias);
        const users = channelUsers(demoTenant as ChannelFixture).slice(0, 6);
        const cases = fuzzCases(SEED, COUNT, t.channel.envelope, users);
        const times: number[] = [];
        const problems: string[] = [];
        takeViolations();
        await inPool(cases, IN_FLIGHT, async (c) => {
          const start = performance.now();
          const res = await fetch(`${t.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': c.contentType },
            body: c.body,
          });
          await res.arrayBuffer();
          times.push(performance.now() - start);
          if (res.status >= 500 && res.status !== 501) problems.push(`${c.label}: ${res.status}`);
        });
        problems.push(...takeViolations().map((v) => `left loopback: ${v.what} ${v.host}`));
        const sorted = [...times].sort((a, b) => a - b);
        const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
        return [
          correct('fuzz answers: no 5xx but 501, loopback only', problems, `${COUNT} answered`),
          atMost('fuzz answers: p99 answer', p99, 1000, 'ms'),
          atMost('fuzz answers: slowest answer', sorted.at(-1) ?? 0, 1000, 'ms'),
        ];
      } finally {
        await t.stop();
      }
    },
  };
}
