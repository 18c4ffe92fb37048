import { strict as assert } from 'node:assert';
import type { Recorded } from '../../../emulator/teams/channel';
import { ManualClock } from '../../../services/clock';
import { textOf } from '../access/accessApp';
import { startDigestApp } from './digestApp';

const isDigest = (r: Recorded) => r.op !== 'update' && /Weekly audit digest/.test(textOf(r));

describe('e2e digest: a run missed while the bot was down runs at start, once', () => {
  let app: Awaited<ReturnType<typeof startDigestApp>>;
  before(async () => {
    // Sunday noon in Berlin; the digest is due Mondays 09:00 Berlin time (08:00 UTC in winter).
    app = await startDigestApp({
      clock: new ManualClock(new Date('2026-11-29T12:00:00Z')),
      env: { DIGEST_SCHEDULE: '0 9 * * MON', DIGEST_TIME_ZONE: 'Europe/Berlin' },
    });
    await app.channel.install('IsaiahL');
  });
  after(async () => {
    await app.stop();
  });

  it('is scheduled for Monday 09:00 Berlin time', async () => {
    const job = await app.store().digest.jobs.get('digest-week:2026-11-30T08:00:00.000Z');
    assert.equal(job?.runAt.toISOString(), '2026-11-30T08:00:00.000Z');
  });

  it('the bot is down over Monday morning; when it starts at 11:00 the digest goes out, and only once', async () => {
    await app.down();
    app.clock.set(new Date('2026-11-30T10:00:00Z'));
    const mark = app.channel.recorder.mark();
    await app.up();
    const digest = await app.channel.waitFor((r) => r.alias === 'IsaiahL' && isDigest(r), 15_000, mark);
    assert.match(textOf(digest), /Weekly audit digest, 2026-11-30/);
    await app.restart();
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(app.channel.sentTo('IsaiahL').filter(isDigest).length, 1);
    const next = await app.store().digest.jobs.get('digest-week:2026-12-07T08:00:00.000Z');
    assert.ok(next && !next.doneAt, 'the next week is scheduled');
  });
});
