import { strict as assert } from 'node:assert';
import type { Recorded } from '../../../emulator/teams/channel';
import { textOf } from '../access/accessApp';
import { startDigestApp } from './digestApp';
import { sectionText } from './digestSupport';

const isDigest = (r: Recorded) => r.op !== 'update' && /Weekly audit digest/.test(textOf(r));

describe('e2e digest: "digest now" with the demo tenant', () => {
  let app: Awaited<ReturnType<typeof startDigestApp>>;
  before(async () => {
    app = await startDigestApp();
    for (const alias of ['IsaiahL', 'PattiF']) await app.channel.install(alias);
  });
  after(async () => {
    await app.stop();
  });

  it('Isaiah asks, is told it is coming, and gets it 1:1 (Patti gets nothing)', async () => {
    const mark = app.channel.recorder.mark();
    assert.equal((await app.channel.send('IsaiahL', 'digest now')).status, 200);
    const ack = await app.channel.waitFor((r) => r.alias === 'IsaiahL', 5_000, mark);
    assert.match(textOf(ack), /Collecting your audit digest/);
    const digest = await app.channel.waitFor((r) => r.alias === 'IsaiahL' && isDigest(r), 15_000, mark);
    assert.match(sectionText(digest, 'Inbox rules sending mail outside'), /Grady Archie/);
    assert.match(textOf(digest), /16 mailboxes checked/);
    assert.equal(app.channel.sentTo('PattiF').filter(isDigest).length, 0);
  });

  it('asking twice within a minute collects and sends once', async () => {
    const mark = app.channel.recorder.mark();
    app.clock.advance(120_000);
    await app.channel.send('IsaiahL', 'digest');
    await app.channel.send('IsaiahL', 'audit digest');
    await app.channel.waitFor((r) => r.alias === 'IsaiahL' && isDigest(r), 15_000, mark);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(app.channel.sentTo('IsaiahL').filter((r) => r.seq > mark && isDigest(r)).length, 1);
  });
});
