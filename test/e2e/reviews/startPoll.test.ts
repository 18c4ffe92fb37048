import { strict as assert } from 'node:assert';
import { REVIEW_POLL_JOB } from '../../../services/reviews/reviewDiscovery';
import { textOf } from '../access/accessApp';
import { startReviewApp } from './reviewApp';

const EVERY_MS = 15 * 60_000; // REVIEW_POLL_MINUTES' default

/**
 * As a deployed bot starts: nobody asks for a poll, yet the first one runs at once, as a job of the one
 * scheduler every workflow item shares (so stopping the bot waits for a round in progress), and the next
 * round stays scheduled.
 */
describe('e2e reviews: the first poll runs at start, as a job of the shared scheduler', () => {
  let app: Awaited<ReturnType<typeof startReviewApp>>;
  after(() => app?.stop());

  it('Nestor gets the Falcon card without anyone polling; the start job is done, the next one waits', async () => {
    app = await startReviewApp({ live: true, signIn: ['NestorW'] });
    const mark = app.channel.recorder.mark();
    await app.channel.install('NestorW');
    const card = await app.channel.waitFor(
      (r) => r.alias === 'NestorW' && /An access review needs you/.test(textOf(r)),
      15_000,
      mark,
    );
    assert.match(textOf(card), /Project Falcon members - quarterly review/);
    const now = app.clock.now().getTime();
    const slot = new Date(Math.floor(now / EVERY_MS) * EVERY_MS);
    // The card can go out (the job kicks the outbox) a moment before the scheduler marks the job done.
    const id = `${REVIEW_POLL_JOB}:start:${slot.toISOString()}`;
    const deadline = Date.now() + 10_000;
    let first = await app.store.jobs.get(id);
    while (!first?.doneAt && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      first = await app.store.jobs.get(id);
    }
    assert.ok(first?.doneAt, 'the start round ran as a scheduler job');
    const next = await app.store.jobs.get(
      `${REVIEW_POLL_JOB}:${new Date(slot.getTime() + EVERY_MS).toISOString()}`,
    );
    assert.ok(next && !next.doneAt, 'the next round is scheduled');
  });
});
