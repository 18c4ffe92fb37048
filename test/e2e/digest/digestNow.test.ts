import { strict as assert } from 'node:assert';
import { cardText } from '../../../emulator/teams/cards';
import { textOf } from '../access/accessApp';
import { startDigestApp } from './digestApp';

describe('e2e digest: "digest now" with the demo tenant', () => {
  let app: Awaited<ReturnType<typeof startDigestApp>>;
  before(async () => {
    app = await startDigestApp();
    for (const alias of ['IsaiahL', 'AdeleV']) await app.channel.install(alias);
  });
  after(async () => {
    await app.stop();
  });

  it('Isaiah asks and gets the digest 1:1 with every section', async () => {
    const mark = app.channel.recorder.mark();
    const answer = await app.channel.send('IsaiahL', 'digest now');
    assert.equal(answer.status, 200);
    const ack = await app.channel.waitFor((r) => r.alias === 'IsaiahL', 5_000, mark);
    assert.match(textOf(ack), /Collecting your audit digest/);
    const digest = await app.channel.waitFor((r) => r.alias === 'IsaiahL' && /Weekly audit digest/.test(textOf(r)), 15_000, mark);
    const text = textOf(digest);
    console.log(text);
  });
});
