import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { actionData, invokeCard, startAccessApp, statusMatching, textOf } from './accessApp';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';

describe('e2e access: Adele requests COVID-19 Response Team, Megan approves', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  before(async () => {
    app = await startAccessApp();
    for (const alias of ['AdeleV', 'MeganB', 'LeeG']) await app.t.channel.install(alias);
  });
  after(async () => {
    await app.stop();
  });

  it('walks the whole flow over /api/messages and the emulator', async () => {
    const { channel } = app.t;
    let mark = channel.recorder.mark();
    await channel.send('AdeleV', 'request access');
    const catalog = await channel.waitFor((r) => r.alias === 'AdeleV', 10_000, mark);
    assert.match(textOf(catalog), /COVID-19 Response Team/);
    assert.doesNotMatch(textOf(catalog), /Finance Reports/);

    const form = invokeCard(await channel.invoke('AdeleV', 'access.open', { packageId: COVID }));
    assert.match(cardText(form), /Megan Bowen or Lee Gu decides within 2 days/);
    const submit = actionData(form, 'access.submit')[0]!;
    mark = channel.recorder.mark();
    const status = invokeCard(
      await channel.invoke(
        'AdeleV',
        'access.submit',
        { ...submit, justification: 'Joining the vaccine logistics group' },
        { replyToId: catalog.activityId },
      ),
    );
    await statusMatching(channel, 'AdeleV', status, /Waiting for approval/);

    const megansCard = await channel.waitFor((r) => r.alias === 'MeganB' && r.op !== 'update', 10_000, mark);
    const leesCard = await channel.waitFor((r) => r.alias === 'LeeG' && r.op !== 'update', 10_000, mark);
    assert.match(textOf(megansCard), /Adele Vance asks for COVID-19 Response Team/);
    assert.match(textOf(leesCard), /Joining the vaccine logistics group/);
    const decide = actionData(cardOf(megansCard), 'approval.decide').find((d) => d.decision === 'approve')!;

    const beforeList = channel.recorder.mark();
    await channel.send('LeeG', 'approvals');
    const waiting = await channel.waitFor(
      (r) => r.alias === 'LeeG' && /Waiting for your decision/.test(textOf(r)),
      10_000,
      beforeList,
    );
    assert.match(textOf(waiting), /Adele Vance asks for COVID-19 Response Team/);
    const opened = invokeCard(
      await channel.invoke('LeeG', 'approval.refresh', actionData(cardOf(waiting), 'approval.refresh')[0]),
    );
    assert.equal(actionData(opened, 'approval.decide').length, 2);

    mark = channel.recorder.mark();
    const after = invokeCard(
      await channel.invoke(
        'MeganB',
        'approval.decide',
        { ...decide, reason: 'Welcome aboard' },
        { replyToId: megansCard.activityId },
      ),
    );
    assert.match(cardText(after), /Approved by you/, 'Megan reads her own decision as hers');
    assert.match(cardText(after), /Manager: \nyou/);
    assert.equal(actionData(after, 'approval.decide').length, 0, 'no buttons left');

    const leeUpdate = await channel.waitFor((r) => r.alias === 'LeeG' && r.op === 'update', 10_000, mark);
    assert.match(textOf(leeUpdate), /Approved by Megan Bowen/);
    const told = await channel.waitFor(
      (r) => r.alias === 'AdeleV' && r.op !== 'update' && /approved/.test(textOf(r)),
      10_000,
      mark,
    );
    assert.match(textOf(told), /Welcome aboard/);
    const refresh = (cardOf(leeUpdate) as { refresh?: { userIds?: string[] } }).refresh;
    assert.deepEqual(
      [...(refresh?.userIds ?? [])].sort(),
      [channel.user('MeganB').aadObjectId, channel.user('LeeG').aadObjectId].sort(),
    );

    const late = invokeCard(
      await channel.invoke(
        'LeeG',
        'approval.decide',
        { ...decide, decision: 'deny', reason: 'no' },
        { replyToId: leesCard.activityId },
      ),
    );
    assert.match(cardText(late), /Already decided: Approved by Megan Bowen/);

    const adele = {
      userId: channel.user('AdeleV').aadObjectId,
      assertion: app.t.emulator.tokens.userAssertion('AdeleV'),
    };
    const deadline = Date.now() + 10_000;
    let delivered = false;
    while (!delivered && Date.now() < deadline) {
      delivered = (await app.gateways.entitlement.myAssignments(adele)).some(
        (a) => a.accessPackage?.id === COVID && a.state === 'delivered',
      );
      if (!delivered) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(delivered, 'the emulator holds a delivered assignment for Adele');
  });
});
