import { actionData, invokeCard } from '../test/e2e/access/accessApp';
import { createMemoryStore } from '../services/adapters/memory';
import type { WorkflowStore } from '../services/ports/workflowStore';
import { choicesOf, startReviewApp } from '../test/e2e/reviews/reviewApp';
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
      const store = createMemoryStore();
      const largest = watchWrites(store.workflows);
      const app = await startReviewApp({ fixture: largeReviewTenant(), signIn: ['NestorW'], store });
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
        // A page in the middle, then one decision on it (the reason the review requires given).
        const page = await timed(async () =>
          invokeCard(
            await app.channel.invoke('NestorW', 'review.page', { ...accept, filter: 'all', page: 125 }),
          ),
        );
        const ref = choicesOf(page.value)[0]!;
        largest.reset();
        const one = await timed(() =>
          app.channel.invoke('NestorW', 'review.decide', {
            itemId: accept.itemId,
            decisionIds: [ref],
            decision: 'Approve',
            reason: 'Still on the project',
          }),
        );
        const oneLargest = largest.bytes();
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
          `\n  open ${Math.round(open.ms)} ms, ${openCalls} Graph requests; page ${Math.round(page.ms)} ms; ` +
            `one decision ${Math.round(one.ms)} ms (largest document written ${oneLargest} bytes); ` +
            `accept all ${Math.round(accepted.ms)} ms, ` +
            `${acceptCalls.length} Graph requests (${acceptCalls.filter((r) => r.method !== 'GET').length} write); ` +
            `${waits} answered 429 and retried; largest document of the run ${largest.max()} bytes`,
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
          atMost('review 2,000: a page, time', page.ms, 2_000, 'ms'),
          atMost('review 2,000: one decision, time', one.ms, 2_000, 'ms'),
          // Pages of 50 people are ~15 KB; the whole review in one document was ~400 KB.
          atMost('review 2,000: largest document written', largest.max(), 32 * 1024, 'bytes'),
        ];
      } finally {
        await app.stop();
      }
    },
  };
}

/** Watches the workflow store's writes: the largest item written (JSON), overall and since `reset`. */
function watchWrites(workflows: WorkflowStore) {
  let max = 0;
  let recent = 0;
  const note = (data: unknown) => {
    const n = Buffer.byteLength(JSON.stringify(data ?? null));
    max = Math.max(max, n);
    recent = Math.max(recent, n);
  };
  const create = workflows.create.bind(workflows);
  const update = workflows.update.bind(workflows);
  workflows.create = (item) => (note(item), create(item));
  workflows.update = (id, version, change) => (note(change), update(id, version, change));
  return { max: () => max, bytes: () => recent, reset: () => (recent = 0) };
}
