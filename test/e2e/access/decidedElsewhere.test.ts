import { strict as assert } from 'node:assert';
import { cardOf } from '../../../emulator/teams/cards';
import type { Recorded } from '../../../emulator/teams/channel';
import { actionData, invokeCard, startAccessApp, statusMatching, textOf } from './accessApp';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';
const FALCON = 'f643b9af-c285-51d7-bb12-b8ea780faf9f';
const WORKSTREAM = 'bcb40b33-25b6-5ca8-890c-3654c6726269';
/** Past the default reconcile interval (APPROVAL_RECONCILE_MINUTES=5) from anywhere in a slot. */
const PAST_ONE_ROUND_MS = 5 * 60_000 + 1_000;

describe('e2e access: decided or canceled outside Teams, mirrored on every card', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  before(async () => {
    app = await startAccessApp();
    for (const alias of ['AdeleV', 'AlexW', 'MeganB', 'LeeG', 'LynneR']) await app.t.channel.install(alias);
  });
  after(async () => {
    await app?.stop();
  });

  /** The user's own delegated identity, as My Access would call Graph for them. */
  const portalAs = (alias: string) => ({
    userId: app.t.channel.user(alias).aadObjectId,
    assertion: app.t.emulator.tokens.userAssertion(alias),
  });

  /** `alias` asks for COVID-19 Response Team in Teams; returns Megan's and Lee's new cards. */
  async function request(alias: string, justification: string) {
    const mark = await submit(alias, COVID, { justification });
    const megan = await approverCard('MeganB', justification, mark);
    const lee = await approverCard('LeeG', justification, mark);
    assert.equal(actionData(cardOf(lee), 'approval.decide').length, 2, 'Lee may decide');
    return { megan, lee };
  }

  /** Opens the package's form as the user and submits it; returns the recorder mark before the submit. */
  async function submit(alias: string, packageId: string, inputs: Record<string, unknown>) {
    const { channel } = app.t;
    const form = invokeCard(await channel.invoke(alias, 'access.open', { packageId }));
    const mark = channel.recorder.mark();
    const status = invokeCard(
      await channel.invoke(alias, 'access.submit', { ...actionData(form, 'access.submit')[0]!, ...inputs }),
    );
    await statusMatching(channel, alias, status, /Megan Bowen.* decides/);
    return mark;
  }

  /** The approver's new card about the request with this justification. */
  const approverCard = (alias: string, justification: string, since: number) =>
    app.t.channel.waitFor(
      (r) => r.alias === alias && r.op !== 'update' && textOf(r).includes(justification),
      10_000,
      since,
    );

  /** Megan decides her open stage of the requestor's request in My Access, with her own token. */
  async function approveInMyAccess(requestor: string, packageId: string, reason: string) {
    const megan = portalAs('MeganB');
    const mine = await app.gateways.entitlement.requestsToApprove(megan);
    const pending = mine.find(
      (r) => r.accessPackage?.id === packageId && r.requestor?.displayName === requestor,
    );
    assert.ok(pending, 'Megan sees the request in My Access');
    const stage = (await app.gateways.entitlement.approvalStages(megan, pending.id)).find(
      (s) => s.assignedToMe,
    );
    assert.ok(stage, 'a stage waits for her');
    await app.gateways.entitlement.decideStage(megan, pending.id, stage.id, 'Approve', reason);
    return megan;
  }

  /** An update of `card` (same activity) whose text matches. */
  const updateOf = (card: Recorded, text: RegExp) => (r: Recorded) =>
    r.op === 'update' && r.activityId === card.activityId && text.test(textOf(r));

  it('Megan approves in My Access: both cards show it once the round runs, and Adele is told', async () => {
    const { channel, emulator } = app.t;
    const cards = await request('AdeleV', 'Joining the vaccine logistics group');

    // My Access: Megan's own token, her pending approvals, the open stage, her decision.
    const megan = await approveInMyAccess('Adele Vance', COVID, 'Approved in the portal');

    const mark = channel.recorder.mark();
    app.clock.advance(PAST_ONE_ROUND_MS);
    const decided = (by: string) =>
      new RegExp(`Approved by ${by} \\(in My Access\\).*Approved in the portal`, 's');
    const megans = await channel.waitFor(updateOf(cards.megan, decided('you')), 10_000, mark);
    const lees = await channel.waitFor(updateOf(cards.lee, decided('Megan Bowen')), 10_000, mark);
    for (const c of [megans, lees])
      assert.equal(actionData(cardOf(c), 'approval.decide').length, 0, 'no buttons');
    const told = await channel.waitFor(
      (r) => r.alias === 'AdeleV' && r.op !== 'update' && /was approved/.test(textOf(r)),
      10_000,
      mark,
    );
    assert.match(textOf(told), /Megan Bowen \(in My Access\)/);

    assert.equal(
      emulator.requestLog.count({ method: 'PATCH', path: /accessPackageAssignmentApprovals\/.*\/stages\// }),
      1,
      'only the portal decided in Graph; the bot wrote nothing back',
    );
    const audit = await app.store.audit.list({ types: ['approval.decided'], actorId: megan.userId });
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.source?.via, 'myAccess');
  });

  it('Project Falcon: Megan approves stage 1 in My Access; Lee gets the stage 2 card', async () => {
    const { channel } = app.t;
    const asked = await submit('AlexW', FALCON, {
      justification: 'Field trials',
      [`answer_${WORKSTREAM}`]: 'Field trials',
    });
    const megans = await approverCard('MeganB', 'Field trials', asked);
    await approveInMyAccess('Alex Wilber', FALCON, 'Good fit');

    const mark = channel.recorder.mark();
    app.clock.advance(PAST_ONE_ROUND_MS);
    const lees = await approverCard('LeeG', 'Field trials', mark);
    assert.match(textOf(lees), /2 of 2/);
    assert.equal(actionData(cardOf(lees), 'approval.decide').length, 2, 'Lee may decide stage 2');
    await channel.waitFor(updateOf(megans, /Approved by you \(in My Access\).*Good fit/s), 10_000, mark);
    // Alex's status card moves on to stage 2.
    await channel.waitFor(
      (r) => r.alias === 'AlexW' && r.op === 'update' && /Lee Gu decides \(stage 2 of 2\)/.test(textOf(r)),
      10_000,
      mark,
    );
  });

  it('Lynne cancels in My Access: both approvers see it canceled, and so does Lynne', async () => {
    const { channel } = app.t;
    const lynneForm = channel.recorder.mark();
    const cards = await request('LynneR', 'Backing up the logistics desk');
    const lynne = portalAs('LynneR');
    const open = (await app.gateways.entitlement.myRequests(lynne)).find(
      (r) => r.accessPackage?.id === COVID && r.state === 'pendingApproval',
    );
    assert.ok(open, 'the request is open in Graph');
    await app.gateways.entitlement.cancelRequest(lynne, open.id);

    const mark = channel.recorder.mark();
    app.clock.advance(PAST_ONE_ROUND_MS);
    await channel.waitFor(updateOf(cards.megan, /Canceled outside Teams/), 10_000, mark);
    const lees = await channel.waitFor(updateOf(cards.lee, /Canceled outside Teams/), 10_000, mark);
    assert.equal(actionData(cardOf(lees), 'approval.decide').length, 0, 'no buttons');
    // Lynne's status card says so.
    await channel.waitFor((r) => r.alias === 'LynneR' && /Canceled/.test(textOf(r)), 10_000, mark);
    assert.ok(
      channel.recorder
        .all()
        .slice(lynneForm)
        .every((r) => r.alias !== 'LynneR' || !/was denied/.test(textOf(r))),
      'a cancel is not reported as a denial',
    );
  });
});
