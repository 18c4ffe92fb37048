import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { actionData, invokeCard, startAccessApp, statusMatching, textOf } from './accessApp';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';

/**
 * The approval security rules, through /api/messages and the Graph emulator: who acts is the
 * activity's user, and an item id in card data (which anyone can forge) grants nothing.
 */
describe('e2e access security: forged item ids and self-approval', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  const channel = () => app.t.channel;
  before(async () => {
    app = await startAccessApp();
    for (const alias of ['AdeleV', 'MeganB', 'LeeG', 'HenriettaM']) await channel().install(alias);
  });
  after(async () => {
    app.checkSentCards();
    await app.stop();
  });

  /** `alias` requests COVID-19 with `justification`; resolves once an approver has been asked. */
  async function requestCovid(alias: string, justification: string, approverLine: RegExp) {
    const form = invokeCard(await channel().invoke(alias, 'access.open', { packageId: COVID }));
    const submit = actionData(form, 'access.submit')[0]!;
    const status = invokeCard(await channel().invoke(alias, 'access.submit', { ...submit, justification }));
    const waiting = await statusMatching(channel(), alias, status, approverLine);
    const itemId = String(actionData(waiting, 'access.status')[0]!.itemId);
    return { itemId, waiting };
  }

  it('self-approval: Megan is not asked about her own request, cannot decide it, and does not list it', async () => {
    const mark = channel().recorder.mark();
    const { itemId, waiting } = await requestCovid(
      'MeganB',
      'Covering for Lee',
      /^Lee Gu decides \(stage 1/m,
    );
    // Not "Megan Bowen or Lee Gu decides": that would mean Megan was made an approver of her own request.
    assert.doesNotMatch(cardText(waiting), /Megan Bowen or|or Megan Bowen/);
    await channel().waitFor(
      (r) => r.alias === 'LeeG' && /Megan Bowen asks for/.test(textOf(r)),
      10_000,
      mark,
    );
    assert.equal(
      channel()
        .sentTo('MeganB')
        .filter((r) => r.seq > mark && /asks for/.test(textOf(r))).length,
      0,
      'no approver card for her own request',
    );
    const refused = invokeCard(
      await channel().invoke('MeganB', 'approval.decide', {
        itemId,
        stage: 0,
        decision: 'approve',
        reason: 'me',
      }),
    );
    assert.match(cardText(refused), /cannot approve your own request/);
    assert.equal((await app.store.workflows.get(itemId))?.state, 'pendingApproval');
    const m2 = channel().recorder.mark();
    await channel().send('MeganB', 'approvals');
    const list = await channel().waitFor((r) => r.alias === 'MeganB', 10_000, m2);
    assert.doesNotMatch(textOf(list), /Megan Bowen asks for/);
  });

  it("a forged item id shows nothing of someone else's request, and changes nothing", async () => {
    const { itemId } = await requestCovid('HenriettaM', 'Secret project Bluebird', /Lee Gu decides/);
    const secrets = /Henrietta|Bluebird|COVID/;
    for (const [verb, data] of [
      ['approval.refresh', { itemId }],
      ['approval.refresh', { itemId, back: true }],
      ['approval.refresh', { itemId: 'ar-00000000000000000000000000000000' }],
      ['approval.decide', { itemId, stage: 0, decision: 'approve', reason: 'sure' }],
      ['access.status', { itemId }],
      ['access.cancel', { itemId, confirmed: true }],
    ] as const) {
      const answer = invokeCard(await channel().invoke('AdeleV', verb, data));
      const shown = cardText(answer);
      assert.match(
        shown,
        /not an approver|Not your request|not yours|That didn't work/i,
        `${verb}: ${shown}`,
      );
      assert.doesNotMatch(shown, secrets, `${verb} showed the request: ${shown}`);
      assert.equal(actionData(answer, 'approval.decide').length, 0);
    }
    const stored = await app.store.workflows.get(itemId);
    assert.equal(stored?.state, 'pendingApproval', 'neither decided nor canceled');
    const log = await app.store.audit.list({ itemId, types: ['approval.decided', 'access.canceled'] });
    assert.deepEqual(log, []);
    // The real approver still can.
    const lees = actionData(
      cardOf(
        channel()
          .sentTo('LeeG')
          .findLast((r) => /Henrietta Mueller asks/.test(textOf(r))),
      ),
      'approval.decide',
    );
    assert.equal(lees.length, 2);
  });
});
