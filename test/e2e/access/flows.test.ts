import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { actionData, invokeCard, startAccessApp, statusMatching, textOf } from './accessApp';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';
const FALCON = 'f643b9af-c285-51d7-bb12-b8ea780faf9f';
const FINANCE = 'fefc276f-871e-5734-8cb5-f5bbb22ec42f';
const WORKSTREAM = 'bcb40b33-25b6-5ca8-890c-3654c6726269';

describe('e2e access flows', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  const channel = () => app.t.channel;
  beforeEach(async () => {
    app = await startAccessApp();
    for (const alias of [
      'AdeleV',
      'AlexW',
      'MeganB',
      'LeeG',
      'PattiF',
      'HenriettaM',
      'LynneR',
      'MiriamG',
      'PradeepG',
      'GradyA',
    ])
      await app.t.channel.install(alias);
  });
  afterEach(async () => {
    await app.stop();
  });

  /** Opens the package's request card as the user and submits it with these inputs. */
  async function request(alias: string, packageId: string, inputs: Record<string, unknown>) {
    const form = invokeCard(await channel().invoke(alias, 'access.open', { packageId }));
    const submit = actionData(form, 'access.submit')[0]!;
    return {
      form,
      submit,
      status: invokeCard(await channel().invoke(alias, 'access.submit', { ...submit, ...inputs })),
    };
  }
  const cardFor = (alias: string, since: number, re: RegExp) =>
    channel().waitFor((r) => r.alias === alias && r.op !== 'update' && re.test(textOf(r)), 10_000, since);
  const decide = async (
    alias: string,
    card: Awaited<ReturnType<typeof cardFor>>,
    decision: string,
    reason?: string,
  ) => {
    const data = actionData(cardOf(card), 'approval.decide').find((d) => d.decision === decision)!;
    return invokeCard(
      await channel().invoke(alias, 'approval.decide', { ...data, reason }, { replyToId: card.activityId }),
    );
  };

  it('Project Falcon: the required question, then the manager, then the sponsor, in order', async () => {
    const mark = channel().recorder.mark();
    const { form, status } = await request('AlexW', FALCON, {
      justification: 'Field trials',
      [`answer_${WORKSTREAM}`]: 'Field trials',
    });
    assert.match(JSON.stringify(form), /Which workstream will you join\?/);
    await statusMatching(channel(), 'AlexW', status, /Megan Bowen decides \(stage 1 of 2\)/);
    const megan = await cardFor('MeganB', mark, /Alex Wilber asks for Project Falcon/);
    assert.match(textOf(megan), /Field trials/);
    assert.equal(
      channel()
        .sentTo('LeeG')
        .filter((r) => /asks for/.test(textOf(r))).length,
      0,
      'stage 2 waits for stage 1',
    );
    const m2 = channel().recorder.mark();
    await decide('MeganB', megan, 'approve', 'Good fit');
    const lee = await cardFor('LeeG', m2, /Alex Wilber asks for Project Falcon/);
    assert.match(textOf(lee), /2 of 2/);
    const m3 = channel().recorder.mark();
    assert.match(cardText(await decide('LeeG', lee, 'approve')), /Approved by you/);
    await cardFor('AlexW', m3, /was approved/);
  });

  it('Project Falcon for Grady: Lee, his manager and the sponsor, decides stage 1 and then stage 2', async () => {
    const mark = channel().recorder.mark();
    await request('GradyA', FALCON, {
      justification: 'Field trials',
      [`answer_${WORKSTREAM}`]: 'Field trials',
    });
    const lee = await cardFor('LeeG', mark, /Grady Archie asks for Project Falcon/);
    assert.equal(actionData(cardOf(lee), 'approval.decide').length, 2, 'stage 1 is his: Approve and Deny');
    assert.doesNotMatch(textOf(lee), /earlier stage/);
    const listed = channel().recorder.mark();
    await channel().send('LeeG', 'approvals');
    const list = await channel().waitFor(
      (r) => r.alias === 'LeeG' && /Grady Archie/.test(textOf(r)),
      10_000,
      listed,
    );
    assert.doesNotMatch(textOf(list), /Nothing is waiting/i, '`approvals` lists it for him');
    const m2 = channel().recorder.mark();
    const afterFirst = await decide('LeeG', lee, 'approve', 'Good fit');
    assert.equal(
      actionData(afterFirst, 'approval.decide').length,
      2,
      'his card goes on to stage 2, with buttons',
    );
    assert.match(cardText(afterFirst), /2 of 2/);
    const second = actionData(afterFirst, 'approval.decide').find((d) => d.decision === 'approve')!;
    const done = invokeCard(
      await channel().invoke(
        'LeeG',
        'approval.decide',
        { ...second, reason: 'Sponsor agrees' },
        { replyToId: lee.activityId },
      ),
    );
    assert.match(cardText(done), /Approved by you/);
    await cardFor('GradyA', m2, /was approved/);
  });

  it('a required question left out is refused, and nothing is requested', async () => {
    const { status } = await request('AlexW', FALCON, { justification: 'Field trials' });
    assert.match(cardText(status), /Please fix: "Which workstream will you join\?" needs an answer/);
    assert.equal(
      actionData(status, 'access.submit').length,
      1,
      'the same form comes back, to fix and send again',
    );
    assert.match(JSON.stringify(status), /Field trials/, 'with what was typed');
    assert.deepEqual(await app.store.workflows.find({ kind: 'accessRequest' }), []);
  });

  it("a denial: Lee denies Henrietta with a reason; she is told; Megan's copy shows it", async () => {
    const mark = channel().recorder.mark();
    await request('HenriettaM', COVID, { justification: 'Helping out' });
    const lee = await cardFor('LeeG', mark, /Henrietta Mueller asks/);
    const m2 = channel().recorder.mark();
    assert.match(cardText(await decide('LeeG', lee, 'deny', 'Team is full')), /Denied by you/);
    const told = await cardFor('HenriettaM', m2, /was denied/);
    assert.match(textOf(told), /Team is full/);
    const meganUpdate = await channel().waitFor((r) => r.alias === 'MeganB' && r.op === 'update', 10_000, m2);
    assert.match(textOf(meganUpdate), /Denied by Lee Gu/);
  });

  it('a reason is required where the stage says so', async () => {
    const mark = channel().recorder.mark();
    await request('HenriettaM', COVID, { justification: 'Helping out' });
    const lee = await cardFor('LeeG', mark, /Henrietta Mueller asks/);
    const card = await decide('LeeG', lee, 'approve');
    assert.match(cardText(card), /needs a reason/);
    assert.equal(actionData(card, 'approval.decide').length, 2, 'Approve and Deny stay');
  });

  it('automatic denial when nobody decides within 2 days', async () => {
    const mark = channel().recorder.mark();
    await request('PradeepG', COVID, { justification: 'Budget planning' });
    await cardFor('MeganB', mark, /Pradeep Gupta asks/);
    app.clock.advance(2 * 86_400_000 + 60_000);
    const told = await cardFor('PradeepG', mark, /was denied/);
    assert.match(textOf(told), /denied automatically/);
    const meganUpdate = await channel().waitFor(
      (r) => r.alias === 'MeganB' && r.op === 'update' && /automatically/.test(textOf(r)),
      10_000,
      mark,
    );
    assert.equal(actionData(cardOf(meganUpdate), 'approval.decide').length, 0);
  });

  it('Adele cannot request Finance Reports', async () => {
    const answer = invokeCard(await channel().invoke('AdeleV', 'access.open', { packageId: FINANCE }));
    assert.match(cardText(answer), /notRequestable|No policy lets/);
  });

  it('self-approval is refused: Megan is not asked about her own request, and cannot decide it', async () => {
    const mark = channel().recorder.mark();
    const { status } = await request('MeganB', COVID, { justification: 'Covering for Lee' });
    // Lee alone: "Megan Bowen or Lee Gu decides" would mean Megan had been asked about her own request.
    const waiting = await statusMatching(channel(), 'MeganB', status, /^Lee Gu decides \(stage 1 of 1\)/m);
    assert.doesNotMatch(cardText(waiting), /Megan Bowen or|or Megan Bowen/);
    await cardFor('LeeG', mark, /Megan Bowen asks/);
    const [item] = await app.store.workflows.find({ kind: 'accessRequest' });
    const answer = invokeCard(
      await channel().invoke('MeganB', 'approval.decide', {
        itemId: item!.id,
        stage: 0,
        decision: 'approve',
        reason: 'me',
      }),
    );
    assert.match(cardText(answer), /cannot approve your own request/);
    assert.equal((await app.store.workflows.get(item!.id))?.state, 'pendingApproval');
  });

  it('a double click yields one request', async () => {
    const form = invokeCard(await channel().invoke('LynneR', 'access.open', { packageId: COVID }));
    const submit = { ...actionData(form, 'access.submit')[0]!, justification: 'Security review' };
    const answers = await Promise.all([
      channel().invoke('LynneR', 'access.submit', submit),
      channel().invoke('LynneR', 'access.submit', submit),
    ]);
    // The second click finds the first one's request, whatever stage its submission has reached.
    for (const a of answers) assert.match(cardText(invokeCard(a)), /Submitted|Waiting for approval/);
    assert.equal((await app.store.workflows.find({ kind: 'accessRequest' })).length, 1);
    const lynne = {
      userId: channel().user('LynneR').aadObjectId,
      assertion: app.t.emulator.tokens.userAssertion('LynneR'),
    };
    assert.equal(
      (await app.gateways.entitlement.myRequests(lynne)).filter((r) => r.accessPackage?.id === COVID).length,
      1,
    );
  });

  it('Miriam is warned before Sales Toolkit expires and extends it', async () => {
    const mark = channel().recorder.mark();
    app.clock.advance(3_600_000); // the hourly expiry scan falls due
    const warning = await cardFor('MiriamG', mark, /Sales Toolkit ends soon/);
    const open = actionData(cardOf(warning), 'access.extendForm')[0]!;
    const form = invokeCard(
      await channel().invoke('MiriamG', 'access.extendForm', open, { replyToId: warning.activityId }),
    );
    assert.match(cardText(form), /Extend Sales Toolkit/);
    const extend = actionData(form, 'access.extend')[0]!;
    const status = invokeCard(
      await channel().invoke(
        'MiriamG',
        'access.extend',
        { ...extend, justification: 'Still selling' },
        { replyToId: warning.activityId },
      ),
    );
    assert.match(cardText(status), /Extension/);
    const miriam = {
      userId: channel().user('MiriamG').aadObjectId,
      assertion: app.t.emulator.tokens.userAssertion('MiriamG'),
    };
    const requests = await app.gateways.entitlement.myRequests(miriam);
    assert.ok(
      requests.some((r) => /extend/i.test(r.requestType)),
      JSON.stringify(requests.map((r) => r.requestType)),
    );
  });
});
