import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { actionData, invokeCard, textOf } from '../access/accessApp';
import { choicesOf, startReviewApp } from './reviewApp';

const FALCON = '2de93ae6-dab7-5772-83f1-7112d4e076b0';

describe('e2e reviews: Nestor reviews Project Falcon in Teams', () => {
  let app: Awaited<ReturnType<typeof startReviewApp>>;
  before(async () => {
    app = await startReviewApp({ channel: { timeZones: { NestorW: 'America/New_York' } } });
    for (const alias of ['NestorW', 'MeganB', 'AdeleV']) await app.channel.install(alias);
  });
  after(() => app?.stop());

  it('the poll finds the review and Nestor gets a card: what, due in his zone, how many people, Start', async () => {
    const mark = app.channel.recorder.mark();
    await app.wf().discovery.run();
    await app.wf().runDue();
    const started = await app.channel.waitFor((r) => r.alias === 'NestorW', 10_000, mark);
    const text = textOf(started);
    assert.match(text, /An access review needs you/);
    assert.match(text, /Project Falcon members - quarterly review/);
    assert.match(text, /Reviewing:\s+Members of Project Falcon/);
    assert.match(text, /People:\s+5, 5 not yet reviewed/);
    assert.doesNotMatch(text, / UTC /, 'the due date reads in his zone');
    assert.equal(actionData(cardOf(started), 'review.open').length, 1);
    // Polling again sends nothing new.
    const again = app.channel.recorder.mark();
    await app.wf().discovery.run();
    await app.wf().runDue();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(
      app.channel.recorder
        .all()
        .slice(again)
        .filter((r) => r.alias === 'NestorW').length,
      0,
    );
  });

  it("shows Diego's and Sam's deny recommendations with reasons; accepts all; approves Adele with the reason", async () => {
    const mark = app.channel.recorder.mark();
    await app.channel.send('NestorW', 'my reviews');
    const list = await app.channel.waitFor((r) => r.alias === 'NestorW', 10_000, mark);
    const open = actionData(cardOf(list), 'review.open')[0]!;
    let card = invokeCard(await app.channel.invoke('NestorW', 'review.open', open));
    let text = cardText(card);
    assert.match(text, /0 of 5 reviewed/);
    assert.match(text, /Diego Siciliani/);
    assert.match(text, /Recommended: deny \(no sign-in in 30 days\)/);
    assert.match(text, /Sam Taylor \(Fabrikam\)\s+Guest/);
    assert.match(text, /Recommended: deny \(never signed in\)/);
    assert.match(text, /sam\.taylor@fabrikam\.com/);

    const guests = invokeCard(
      await app.channel.invoke('NestorW', 'review.page', {
        itemId: actionData(card, 'review.page')[0]!.itemId,
        filter: 'guests',
        page: 1,
      }),
    );
    assert.match(cardText(guests), /Guests: 1/);
    assert.doesNotMatch(cardText(guests), /Diego/);

    const accept = actionData(card, 'review.acceptAll')[0]!;
    card = invokeCard(await app.channel.invoke('NestorW', 'review.acceptAll', accept));
    text = cardText(card);
    assert.match(text, /Recorded 5 decisions/);
    assert.match(text, /5 of 5 reviewed/);
    let f = await app.decisions(FALCON);
    assert.equal(f.of('DiegoS').decision, 'Deny');
    assert.equal(f.of('SamT').decision, 'Deny');
    assert.equal(f.of('AdeleV').decision, 'Approve');

    // Approving Adele again without the reason the review requires: refused on the card, before Graph.
    const all = invokeCard(
      await app.channel.invoke('NestorW', 'review.page', { itemId: accept.itemId, filter: 'all', page: 1 }),
    );
    const adeleId = f.of('AdeleV').id;
    const approve = actionData(all, 'review.decide').find(
      (d) =>
        d.decision === 'Approve' && (d.decisionIds as string[] | undefined)?.[0]?.endsWith(`:${adeleId}`),
    )!;
    const patches = () => app.emulator.requestLog.count({ method: 'PATCH', path: /accessReviews/ });
    const before = patches();
    const refused = invokeCard(await app.channel.invoke('NestorW', 'review.decide', approve));
    assert.match(cardText(refused), /needs a reason to approve/);
    assert.equal(patches(), before, 'Graph was not called');

    const done = invokeCard(
      await app.channel.invoke('NestorW', 'review.decide', {
        ...approve,
        reason: 'Leads the Falcon rollout',
      }),
    );
    assert.match(cardText(done), /Recorded 1 decision\b/);
    assert.match(cardText(done), /Leads the Falcon rollout/);
    f = await app.decisions(FALCON);
    assert.equal(f.of('AdeleV').decision, 'Approve');
    assert.equal(f.of('AdeleV').justification, 'Leads the Falcon rollout');
    assert.equal(f.of('AdeleV').reviewedBy?.id, app.userId('NestorW'));
  });

  it("a non-reviewer's forged decision changes nothing and gets a clear card", async () => {
    const f = await app.decisions(FALCON);
    const itemId = `review:${f.instance.id}:${app.userId('NestorW')}`;
    const lynne = f.of('LynneR');
    const before = lynne.decision;
    const answer = invokeCard(
      await app.channel.invoke('AdeleV', 'review.decide', {
        itemId,
        // The reference Nestor's card carries for Lynne (stored page 0: the review has 5 people).
        decisionIds: [`0:${lynne.id}`],
        decision: 'Deny',
      }),
    );
    assert.match(cardText(answer), /not a reviewer/);
    assert.equal((await app.decisions(FALCON)).of('LynneR').decision, before);
    const opened = invokeCard(
      await app.channel.invoke('AdeleV', 'review.open', { definitionId: FALCON, instanceId: f.instance.id }),
    );
    assert.match(cardText(opened), /not a reviewer/);
  });

  it('selecting several records one decision for each; a partial failure names who and why', async () => {
    const f = await app.decisions(FALCON);
    const itemId = `review:${f.instance.id}:${app.userId('NestorW')}`;
    const [diego, lynne] = [f.of('DiegoS').id, f.of('LynneR').id];
    // Graph refuses Lynne's item (as it does once another reviewer's change or a stop got there first).
    app.emulator.knobs.failNext(1, {
      status: 409,
      path: new RegExp(`/decisions/${lynne}$`),
      code: 'Conflict',
      message: 'conflict',
    });
    // The selection sends the references the card's choices carry.
    const all = invokeCard(
      await app.channel.invoke('NestorW', 'review.page', { itemId, filter: 'all', page: 1 }),
    );
    const refOf = (id: string) => choicesOf(all).find((v) => v.endsWith(`:${id}`))!;
    const card = invokeCard(
      await app.channel.invoke('NestorW', 'review.decide', {
        itemId,
        decision: 'DontKnow',
        selected: `${refOf(diego)},${refOf(lynne)}`,
        filter: 'all',
        page: 1,
      }),
    );
    assert.match(cardText(card), /Recorded 1 decision\. Not recorded: 1\./);
    assert.match(cardText(card), /Lynne Robbins: the review is no longer in progress/);
    const after = await app.decisions(FALCON);
    assert.equal(after.of('DiegoS').decision, 'DontKnow');
    assert.equal(after.of('LynneR').decision, f.of('LynneR').decision);
  });
});
