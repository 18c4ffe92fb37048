import { strict as assert } from 'node:assert';
import { generateTenant, loadDemoFixture } from '../../../emulator';
import type { Recorded } from '../../../emulator/teams/channel';
import { textOf } from '../access/accessApp';
import { startDigestApp } from './digestApp';

const isDigest = (r: Recorded) => r.op !== 'update' && /Weekly audit digest/.test(textOf(r));

describe('e2e digest: a throttled run over a larger tenant completes', function () {
  this.timeout(240_000);
  let app: Awaited<ReturnType<typeof startDigestApp>>;
  before(async () => {
    app = await startDigestApp({
      fixture: generateTenant(loadDemoFixture(), { users: 60, seed: 7 }),
      chunkSize: 50,
    });
    await app.channel.install('IsaiahL');
  });
  after(async () => {
    await app.stop();
  });

  it('Graph and Exchange answer 429 with Retry-After; the digest still arrives, every mailbox checked', async () => {
    const { emulator, channel } = app;
    const mailboxes = emulator.directory.users().filter((u) => u.userType === 'Member').length;
    emulator.requestLog.clear();
    // A small bucket refilled fast: many requests are refused and retried after Retry-After.
    emulator.knobs.throttle({ capacity: 10, refillPerSecond: 100 });
    const mark = channel.recorder.mark();
    await channel.send('IsaiahL', 'digest now');
    // A job that gave up on a throttled call is retried after its backoff, on the app's clock.
    let digest: Recorded | undefined;
    const deadline = Date.now() + 180_000;
    while (!digest && Date.now() < deadline) {
      digest = channel.sentTo('IsaiahL').find((r) => r.seq > mark && isDigest(r));
      if (!digest) {
        await new Promise((r) => setTimeout(r, 250));
        app.clock.advance(10_000);
      }
    }
    const jobs = await app
      .store()
      .digest.jobs.get(
        `digest-now:${channel.user('IsaiahL').aadObjectId}:${new Date(Math.floor(Date.parse('2026-11-25T12:00:00Z') / 60_000) * 60_000).toISOString()}`,
      );
    assert.ok(digest, `the digest arrived (job: ${JSON.stringify(jobs)})`);
    emulator.knobs.throttle(undefined);
    const throttled = emulator.requestLog.count({ status: 429 });
    assert.ok(throttled > 0, 'the run was throttled');
    assert.match(textOf(digest), new RegExp(`${mailboxes + 1} mailboxes checked`));
    const batches = emulator.requestLog.count({ method: 'POST', path: '/v1.0/$batch', status: 200 });
    assert.ok(batches >= Math.ceil(mailboxes / 20), `inbox rules through $batch (${batches})`);
  });
});
