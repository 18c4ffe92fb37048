import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../emulator/teams/cards';
import { startTestApp, type TestApp } from '../support/app';

describe('e2e: unexpected errors reach onTurnError', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.stop();
  });

  it('answers a command that crashes with the generic error card and logs the error', async () => {
    t = await startTestApp({
      flows: [
        () => ({
          messages: {
            myAccess: async () => {
              throw new TypeError('secret internals');
            },
          },
        }),
      ],
    });
    await t.channel.install('DiegoS');
    const mark = t.channel.recorder.mark();
    const answer = await t.channel.send('DiegoS', 'my access');
    assert.equal(answer.status, 200);
    const reply = await t.channel.waitFor((r) => r.alias === 'DiegoS', 5000, mark);
    const text = cardText(cardOf(reply));
    assert.match(text, /Something went wrong on my side/);
    assert.doesNotMatch(text, /secret internals/);
    const logged = t.logs().find((l) => l.msg === 'turn failed');
    assert.match(JSON.stringify(logged?.err), /secret internals/);
    assert.equal(logged?.userId, t.channel.user('DiegoS').aadObjectId);
  });
});
