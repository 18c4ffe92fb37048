import { strict as assert } from 'node:assert';
import { completeSignInPage } from '../../support/signIn';
import { startPimApp } from './pimApp';
import {
  activate,
  actionData,
  cardOf,
  cardText,
  graphState,
  invokeCard,
  nextSignInLink,
  ROLE,
  verifyState,
} from './pimCards';

describe("e2e PIM: Johanna's Global Administrator activation (MFA, then Patti or Miriam)", () => {
  let app: Awaited<ReturnType<typeof startPimApp>>;
  before(async () => {
    app = await startPimApp();
    for (const alias of ['JohannaL', 'PattiF', 'MiriamG', 'IsaiahL']) await app.channel.install(alias);
  });
  after(() => app?.stop());

  it('reaches both approvers after the MFA sign-in; Patti approves, Miriam’s copy updates, Isaiah is told', async () => {
    const { channel, emulator } = app;
    let mark = channel.recorder.mark();
    const held = await activate(channel, 'JohannaL', ROLE.global, {
      duration: 'PT1H',
      justification: 'Rotate the federation certificate',
      ticketNumber: 'CHG-9001',
    });
    assert.match(cardText(held), /sign in with MFA/);
    const { code } = await completeSignInPage(await nextSignInLink(channel, 'JohannaL', mark));
    mark = channel.recorder.mark();
    await verifyState(channel, 'JohannaL', code);
    const toPatti = await channel.waitFor((r) => r.alias === 'PattiF' && !!r.activity, 5000, mark);
    const toMiriam = await channel.waitFor((r) => r.alias === 'MiriamG' && !!r.activity, 5000, mark);
    for (const r of [toPatti, toMiriam]) {
      assert.match(cardText(cardOf(r)), /Global Administrator/);
      assert.match(cardText(cardOf(r)), /Johanna Lorenz/);
      assert.match(cardText(cardOf(r)), /CHG-9001/);
    }
    const [decide] = actionData(cardOf(toPatti), 'approval.decide');
    mark = channel.recorder.mark();
    const answer = invokeCard(
      await channel.invoke(
        'PattiF',
        'approval.decide',
        { ...decide, decision: 'approve', reason: 'Change approved in CAB' },
        { replyToId: toPatti.activityId },
      ),
    );
    assert.match(cardText(answer), /Approved/i);
    await app.wf().outbox.settled();
    const miriamNow = await channel.waitFor(
      (r) =>
        r.alias === 'MiriamG' && r.activityId === toMiriam.activityId && /Patti/.test(cardText(cardOf(r))),
      5000,
      mark,
    );
    assert.equal(actionData(cardOf(miriamNow), 'approval.decide').length, 0, 'Miriam can no longer decide');
    const johanna = channel.user('JohannaL').aadObjectId;
    assert.equal((await graphState(emulator, johanna, ROLE.global)).active.length, 1);
    const told = await channel.waitFor(
      (r) => r.alias === 'IsaiahL' && /activated Global Administrator/.test(cardText(cardOf(r))),
      5000,
      mark,
    );
    assert.match(cardText(cardOf(told)), /Johanna Lorenz/);
    assert.match(cardText(cardOf(told)), /Rotate the federation certificate/);
    assert.match(cardText(cardOf(told)), /CHG-9001/);
  });
});
