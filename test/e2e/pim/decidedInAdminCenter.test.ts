import { strict as assert } from 'node:assert';
import type { Recorded } from '../../../emulator/teams/channel';
import { decideInAdminCenter } from './adminCenter';
import { startPimApp } from './pimApp';
import { activate, actionData, cardOf, cardText, graphState, invokeCard, ROLE } from './pimCards';
import { HOUR, MINUTE, pimTimers } from './pimTimers';

/** Past one reconcile round (APPROVAL_RECONCILE_MINUTES, 5 by default) from anywhere in a slot. */
const ONE_ROUND = 5 * MINUTE + 1_000;

describe('e2e PIM: decided in the Entra admin center, followed on every card', () => {
  let app: Awaited<ReturnType<typeof startPimApp>>;
  before(async () => {
    app = await startPimApp();
    for (const alias of ['IsaiahL', 'MiriamG']) await app.channel.install(alias);
  });
  after(() => app?.stop());

  const { advance, runTimers } = pimTimers(() => app);
  const isaiah = () => app.channel.user('IsaiahL').aadObjectId;

  /** Isaiah asks for Security Administrator; answers his card and Miriam's new approver card. */
  async function ask(justification: string, ticketNumber: string) {
    const { channel } = app;
    const mark = channel.recorder.mark();
    const card = await activate(channel, 'IsaiahL', ROLE.security, {
      duration: 'PT1H',
      justification,
      ticketNumber,
    });
    assert.match(cardText(card), /Waiting for approval/);
    const miriam = await channel.waitFor(
      (r) => r.alias === 'MiriamG' && r.op !== 'update' && cardText(cardOf(r)).includes(ticketNumber),
      5000,
      mark,
    );
    assert.ok(actionData(cardOf(miriam), 'approval.decide').length > 0, 'Miriam may decide in Teams');
    return { card, miriam, mark };
  }

  /** What the bot sent `alias` since `mark` whose text matches (new messages and card updates). */
  const sentTo = (alias: string, mark: number, re: RegExp) =>
    app.channel.recorder
      .all()
      .filter((r: Recorded) => r.seq > mark && r.alias === alias && re.test(cardText(cardOf(r))));

  /** The bot's app-only reads of role requests since the log was cleared: the list, and by id. */
  const roundCalls = () => {
    const requests = '/v1.0/roleManagement/directory/roleAssignmentScheduleRequests';
    const appOnly = (path: string | RegExp) =>
      app.emulator.requestLog.find({ method: 'GET', path }).filter((r) => !r.userId).length;
    return { list: appOnly(requests), byId: appOnly(new RegExp(`^${requests}/[^/(]+$`)) };
  };

  /** Isaiah's own status card, as a click on Refresh shows it now. */
  const statusOf = async (card: Record<string, unknown>) => {
    const [status] = actionData(card, 'pim.status');
    return cardText(invokeCard(await app.channel.invoke('IsaiahL', 'pim.status', status)));
  };

  it('Miriam denies in the admin center: within a round both cards say so, and Isaiah is told', async () => {
    const { channel } = app;
    const { card, miriam, mark } = await ask('Look at the sign-in logs', 'INC-6001');
    await decideInAdminCenter(app.emulator, 'MiriamG', isaiah(), 'Deny', 'Use the reader role');
    await runTimers();
    assert.match(await statusOf(card), /Waiting for approval/, 'nothing changes before the round');

    await advance(ONE_ROUND);
    await runTimers();
    const updated = await channel.waitFor(
      (r) => r.op === 'update' && r.activityId === miriam.activityId && /Denied/.test(cardText(cardOf(r))),
      5000,
      mark,
    );
    assert.match(cardText(cardOf(updated)), /in the Entra admin center/);
    assert.equal(actionData(cardOf(updated), 'approval.decide').length, 0, 'her card no longer asks');
    assert.match(await statusOf(card), /Denied by an approver \(in the Entra admin center\)/);
    assert.ok(sentTo('IsaiahL', mark, /Denied/).length > 0, 'Isaiah is told');
    assert.equal((await graphState(app.emulator, isaiah(), ROLE.security)).active.length, 0);
  });

  it('Miriam approves in the admin center: Isaiah is active until …, her card says where; no "Expired" at 24 h', async () => {
    const { channel } = app;
    const { card, miriam, mark } = await ask('Contain the phishing campaign', 'INC-6002');
    app.emulator.requestLog.clear();
    await advance(ONE_ROUND);
    await runTimers();
    assert.deepEqual(roundCalls(), { list: 1, byId: 0 }, 'a round with nothing decided: one list');

    await decideInAdminCenter(app.emulator, 'MiriamG', isaiah(), 'Approve', 'Approved in the portal');
    const granted = await graphState(app.emulator, isaiah(), ROLE.security);
    assert.equal(granted.active.length, 1, 'Graph granted it');
    app.emulator.requestLog.clear();
    await advance(ONE_ROUND);
    await runTimers();
    assert.deepEqual(roundCalls(), { list: 1, byId: 1 }, 'only the ended request is read by id');
    const updated = await channel.waitFor(
      (r) => r.op === 'update' && r.activityId === miriam.activityId && /Approved/.test(cardText(cardOf(r))),
      5000,
      mark,
    );
    assert.match(cardText(cardOf(updated)), /Approved by an approver \(in the Entra admin center\)/);
    assert.equal(actionData(cardOf(updated), 'approval.decide').length, 0, 'her card no longer asks');
    const status = await statusOf(card);
    assert.match(status, /Active/);
    assert.match(status, /Until /);
    assert.ok(sentTo('IsaiahL', mark, /Until /).length > 0, "Isaiah's card follows without a click");

    // Entra's 24 hours pass: the expiry asks Graph, which granted it, so nobody hears "Expired".
    await advance(24 * HOUR);
    await runTimers();
    assert.deepEqual(sentTo('IsaiahL', mark, /Expired|nobody approved/i), []);
    assert.deepEqual(sentTo('MiriamG', mark, /Nobody decided in time/), []);
    app.checkSentCards();
  });
});
