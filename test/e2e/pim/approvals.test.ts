import { strict as assert } from 'node:assert';
import { startPimApp } from './pimApp';
import { activate, actionData, cardOf, cardText, graphState, invokeCard, ROLE } from './pimCards';

describe('e2e PIM: activations that need approval', () => {
  let app: Awaited<ReturnType<typeof startPimApp>>;
  before(async () => {
    app = await startPimApp();
    for (const alias of ['IsaiahL', 'MiriamG', 'PattiF']) await app.channel.install(alias);
  });
  after(() => app?.stop());

  it("Isaiah's Security Administrator activation waits for Miriam, who approves from her card", async () => {
    const { channel, emulator } = app;
    const mark = channel.recorder.mark();
    const card = await activate(channel, 'IsaiahL', ROLE.security, {
      duration: 'PT1H',
      justification: 'Investigate the phishing alert',
      ticketNumber: 'INC-4242',
      ticketSystem: 'ServiceNow',
    });
    assert.match(cardText(card), /Waiting for approval/);
    assert.match(cardText(card), /Miriam Graham decides/);
    const request = await channel.waitFor((r) => r.alias === 'MiriamG', 5000, mark);
    const text = cardText(cardOf(request));
    assert.match(text, /Security Administrator/);
    assert.match(text, /Isaiah Langer/);
    assert.match(text, /Investigate the phishing alert/);
    assert.match(text, /INC-4242/);
    const [decide] = actionData(cardOf(request), 'approval.decide');
    assert.ok(decide, 'Miriam can decide');
    const isaiah = channel.user('IsaiahL').aadObjectId;
    assert.equal((await graphState(emulator, isaiah, ROLE.security)).active.length, 0, 'not active before');
    const answer = invokeCard(
      await channel.invoke(
        'MiriamG',
        'approval.decide',
        { ...decide, decision: 'approve', reason: 'Go ahead' },
        { replyToId: request.activityId },
      ),
    );
    assert.match(cardText(answer), /Approved/i);
    await app.wf().outbox.settled();
    const state = await graphState(emulator, isaiah, ROLE.security);
    assert.equal(state.active.length, 1, 'Graph activated the role once approved');
    const [status] = actionData(card, 'pim.status');
    const after = invokeCard(await channel.invoke('IsaiahL', 'pim.status', status));
    assert.match(cardText(after), /Active/);
  });

  it('self-approval is refused: Isaiah is no approver of his own request', async () => {
    const waiting = await app.wf().waitingFor(app.channel.user('IsaiahL').aadObjectId);
    assert.equal(waiting.length, 0);
  });
});
