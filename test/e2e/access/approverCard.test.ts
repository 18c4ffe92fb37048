import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { actionData, invokeCard, startAccessApp, statusMatching, textOf } from './accessApp';

const FALCON = 'f643b9af-c285-51d7-bb12-b8ea780faf9f';
const WORKSTREAM = 'bcb40b33-25b6-5ca8-890c-3654c6726269';

describe('e2e access: what an approver sees and decides, and what the requester hears', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  const channel = () => app.t.channel;
  beforeEach(async () => {
    app = await startAccessApp();
    for (const alias of ['AlexW', 'MeganB', 'LeeG']) await channel().install(alias);
  });
  afterEach(async () => {
    app.checkSentCards();
    await app.stop();
  });

  async function say(alias: string, text: string) {
    const mark = channel().recorder.mark();
    await channel().send(alias, text);
    return cardOf(await channel().waitFor((r) => r.alias === alias, 10_000, mark));
  }
  const cardFor = (alias: string, since: number, re: RegExp) =>
    channel().waitFor((r) => r.alias === alias && r.op !== 'update' && re.test(textOf(r)), 10_000, since);

  it("approvals lists Johanna's request made in My Access (Graph's filterByCurrentUser approver); Megan decides it from the card", async () => {
    const list = await say('MeganB', 'approvals');
    assert.match(cardText(list), /Johanna Lorenz asks for COVID-19 Response Team/);
    assert.match(cardText(list), /asked \w{3} \d{1,2} \w{3}, \d\d:\d\d \((\d+ hours?|1 day) ago\)/);
    const open = actionData(list, 'approval.refresh').find((d) => d.back === true)!;
    const card = invokeCard(await channel().invoke('MeganB', 'approval.refresh', open));
    const shown = cardText(card);
    assert.match(shown, /Joining the vaccine logistics working group this month\./);
    assert.match(shown, /Grants: \nCOVID-19 Response Team \(Member\)/);
    assert.match(shown, /Access lasts: \n30 days/);
    assert.match(shown, /Requested in: \nMy Access \(outside Teams\)/);
    assert.equal(actionData(card, 'approval.list').length, 1, 'Back to approvals');
    const approve = actionData(card, 'approval.decide').find((d) => d.decision === 'approve')!;

    const decided = invokeCard(
      await channel().invoke('MeganB', 'approval.decide', { ...approve, reason: 'Welcome, Johanna' }),
    );
    assert.match(cardText(decided), /Approved by you, .*"Welcome, Johanna"/);
    const requestId = String(
      ((await app.store.workflows.get(String(approve.itemId)))?.data as { graph: { requestId: string } })
        .graph.requestId,
    );
    // Recorded in Graph as Megan: the request moves on to delivery there.
    const deadline = Date.now() + 10_000;
    let state = '';
    while (Date.now() < deadline && !/deliver/.test(state)) {
      state = (await app.gateways.entitlement.requestState(requestId)).state;
      if (!/deliver/.test(state)) await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(state, /deliver/);
    assert.equal(
      app.t.emulator.requestLog.count({
        method: 'PATCH',
        path: /accessPackageAssignmentApprovals\/.*\/stages\//,
      }),
      1,
    );
    assert.doesNotMatch(
      cardText(await say('LeeG', 'approvals')),
      /Johanna Lorenz/,
      'decided: off every list',
    );
    assert.doesNotMatch(cardText(await say('MeganB', 'approvals')), /Johanna Lorenz/);
  });

  it("stage 2: Lee sees what is granted, for how long, when asked, and stage 1's decision and reason; Alex hears stage 1 passed", async () => {
    const mark = channel().recorder.mark();
    const form = invokeCard(await channel().invoke('AlexW', 'access.open', { packageId: FALCON }));
    const submit = actionData(form, 'access.submit')[0]!;
    const status = invokeCard(
      await channel().invoke('AlexW', 'access.submit', {
        ...submit,
        justification: 'Field trials',
        [`answer_${WORKSTREAM}`]: 'Field trials',
      }),
    );
    await statusMatching(channel(), 'AlexW', status, /Megan Bowen decides \(stage 1 of 2\)/);
    const megans = await cardFor('MeganB', mark, /Alex Wilber asks for Project Falcon/);
    assert.match(textOf(megans), /Manager: \nyou/, 'Megan is Alex\'s manager: "you"');
    assert.match(textOf(megans), /Grants: \nProject Falcon \(Member\)/);
    assert.match(textOf(megans), /Access lasts: \n180 days/);
    assert.match(textOf(megans), /Asked: \n\w{3} \d{1,2} \w{3}, \d\d:\d\d/);
    const approve = actionData(cardOf(megans), 'approval.decide').find((d) => d.decision === 'approve')!;
    const m2 = channel().recorder.mark();
    const after = invokeCard(
      await channel().invoke(
        'MeganB',
        'approval.decide',
        { ...approve, reason: 'Good fit' },
        { replyToId: megans.activityId },
      ),
    );
    assert.match(cardText(after), /Approved by you/);

    const lees = await cardFor('LeeG', m2, /Alex Wilber asks for Project Falcon/);
    assert.match(textOf(lees), /Stage: \n2 of 2/);
    assert.match(textOf(lees), /Stage 1: Approved by Megan Bowen, .*: "Good fit"/);
    assert.match(textOf(lees), /Grants: \nProject Falcon \(Member\)/);
    const told = await cardFor('AlexW', m2, /Stage 1 of 2 of your request for Project Falcon is approved/);
    assert.match(textOf(told), /Approved by Megan Bowen/);
    assert.match(textOf(told), /Now Lee Gu decides \(stage 2 of 2\), by /);
    assert.match(textOf(told), /Good fit/);
  });
});
