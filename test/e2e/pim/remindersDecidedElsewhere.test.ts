import { strict as assert } from 'node:assert';
import { appToken, GRAPH_SCOPE, oboCredential, rawCall } from '../../support/emulator';
import { startPimApp } from './pimApp';
import { activate, cardText, graphState, ROLE } from './pimCards';
import { HOUR, MINUTE, pimTimers } from './pimTimers';

describe('e2e PIM: reminders follow Graph, not only the cards', () => {
  let app: Awaited<ReturnType<typeof startPimApp>>;
  before(async () => {
    app = await startPimApp();
    for (const alias of ['IsaiahL', 'MiriamG']) await app.channel.install(alias);
  });
  after(() => app?.stop());

  const { remindersTo, advance, runTimers } = pimTimers(() => app);

  it('Miriam approved in the Entra admin center: Graph says so, and she is not reminded', async () => {
    const { channel, emulator } = app;
    const mark = channel.recorder.mark();
    const card = await activate(channel, 'IsaiahL', ROLE.security, {
      duration: 'PT1H',
      justification: 'Second look at the alert',
      ticketNumber: 'INC-5151',
    });
    assert.match(cardText(card), /Waiting for approval/);
    await channel.waitFor((r) => r.alias === 'MiriamG' && !!r.activity, 5000, mark);
    // Miriam decides outside Teams: the beta approval step, as herself (what the admin center calls).
    const rm = '/roleManagement/directory';
    const requests = await rawCall(emulator, 'GET', `/v1.0${rm}/roleAssignmentScheduleRequests`, {
      token: await appToken(emulator),
    });
    const pending = (requests.body.value as { status: string; approvalId: string }[]).find(
      (r) => r.status === 'PendingApproval',
    );
    assert.ok(pending?.approvalId, JSON.stringify(requests.body));
    const miriam = (await oboCredential(emulator, 'MiriamG').getToken(GRAPH_SCOPE))!.token;
    const approval = `/beta${rm}/roleAssignmentApprovals/${pending.approvalId}`;
    const steps = await rawCall(emulator, 'GET', `${approval}/steps`, { token: miriam });
    const step = (steps.body.value as { id: string; assignedToMe: boolean }[]).find((x) => x.assignedToMe);
    assert.ok(step, JSON.stringify(steps.body));
    const decided = await rawCall(emulator, 'PATCH', `${approval}/steps/${step.id}`, {
      token: miriam,
      body: { reviewResult: 'Approve', justification: 'Approved in the portal' },
    });
    assert.equal(decided.status, 204, JSON.stringify(decided.body));
    const isaiah = channel.user('IsaiahL').aadObjectId;
    assert.equal((await graphState(emulator, isaiah, ROLE.security)).active.length, 1, 'Graph granted it');

    await advance(HOUR + MINUTE);
    await runTimers();
    assert.equal(remindersTo('MiriamG', mark).length, 0, 'nobody is reminded of a decided request');
  });
});
