import { actionData, invokeCard } from '../test/e2e/access/accessApp';
import { startReviewApp } from '../test/e2e/reviews/reviewApp';
import {
  LARGE_REVIEW_ID,
  LARGE_REVIEW_PEOPLE,
  largeReviewTenant,
} from '../test/e2e/reviews/largeReviewTenant';
import { atMost, correct, timed, type Benchmark, type BenchResult } from './harness';

/**
 * Graph's identity write quota is 3,000 writes per 150 s per app and tenant (throttling-limits.md,
 * "Identity and access service limits"); the emulator's bucket here is far smaller, so the run shows
 * the bot stays correct when it is throttled.
 */
const BUCKET = { capacity: 30, refillPerSecond: 20 };

/**
 * A review of 2,000 people over /api/messages: Nestor opens it (the bot reads his decision items and
 * the group's members from Graph) and accepts every recommendation in one click. Reports the time and
 * the Graph requests of each step; every decision must be recorded.
 */
export function reviewsBenchmark(): Benchmark {
  return {
    name: 'review of 2,000',
    async run(): Promise<BenchResult[]> {
      const app = await startReviewApp({ fixture: largeReviewTenant(), signIn: ['NestorW'] });
      try {
        await app.channel.install('NestorW');
        const { instance, items } = await app.decisions(LARGE_REVIEW_ID);
        const graphCalls = (from: number) =>
          app.emulator.requestLog
            .all()
            .slice(from)
            .filter((r) => r.api === 'graph' && r.status !== 429);
        const throttled = (from: number) =>
          app.emulator.requestLog
            .all()
            .slice(from)
            .filter((r) => r.status === 429).length;
        app.emulator.knobs.throttle(BUCKET);
        let mark = app.emulator.requestLog.all().length;
        const open = await timed(async () =>
          invokeCard(
            await app.channel.invoke('NestorW', 'review.open', {
              definitionId: LARGE_REVIEW_ID,
              instanceId: instance.id,
            }),
          ),
        );
        const openCalls = graphCalls(mark).length;
        const accept = actionData(open.value, 'review.acceptAll')[0]!;
        mark = app.emulator.requestLog.all().length;
        const accepted = await timed(async () =>
          invokeCard(await app.channel.invoke('NestorW', 'review.acceptAll', accept)),
        );
        const acceptCalls = graphCalls(mark);
        const waits = throttled(0);
        app.emulator.knobs.throttle(undefined);
        const after = await app.decisions(LARGE_REVIEW_ID);
        const recommended = items.filter(
          (i) => i.recommendation === 'Approve' || i.recommendation === 'Deny',
        );
        const problems: string[] = [];
        const left = after.items.filter((i) => i.decision === 'NotReviewed').length;
        if (left) problems.push(`${left} not recorded`);
        if (after.items.length !== LARGE_REVIEW_PEOPLE) problems.push(`${after.items.length} items`);
        console.log(
          `\n  open ${Math.round(open.ms)} ms, ${openCalls} Graph requests; accept all ${Math.round(accepted.ms)} ms, ` +
            `${acceptCalls.length} Graph requests (${acceptCalls.filter((r) => r.method !== 'GET').length} write); ` +
            `${waits} answered 429 and retried`,
        );
        return [
          correct('review 2,000: every recommendation recorded', problems, `${recommended.length} decisions`),
          atMost('review 2,000: open, Graph requests', openCalls, 30, 'requests'),
          atMost(
            'review 2,000: accept all, Graph writes',
            acceptCalls.filter((r) => r.method !== 'GET').length,
            1,
            'writes',
          ),
          atMost('review 2,000: accept all, Graph requests', acceptCalls.length, 25, 'requests'),
          atMost('review 2,000: accept all, time', accepted.ms, 20_000, 'ms'),
        ];
      } finally {
        await app.stop();
      }
    },
  };
}
