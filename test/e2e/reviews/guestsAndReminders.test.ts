import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { actionData, invokeCard, textOf } from '../access/accessApp';
import { startReviewApp } from './reviewApp';

const FALCON = '2de93ae6-dab7-5772-83f1-7112d4e076b0';
const COVID_GUESTS = '6ad428c2-caa0-51ec-98a7-db9e0476583f';
const DAY = 86_400_000;

describe('e2e reviews: Megan reviews the guests of COVID-19 Response Team; reminders', () => {
  let app: Awaited<ReturnType<typeof startReviewApp>>;
  before(async () => {
    app = await startReviewApp();
    for (const alias of ['NestorW', 'MeganB']) await app.channel.install(alias);
    await app.wf().discovery.run();
    await app.wf().runDue();
  });
  after(() => app?.stop());

  const openReview = async (alias: string, definitionId: string) => {
    const mark = app.channel.recorder.mark();
    await app.channel.send(alias, 'reviews');
    const list = await app.channel.waitFor((r) => r.alias === alias, 10_000, mark);
    const open = actionData(cardOf(list), 'review.open').find((d) => d.definitionId === definitionId)!;
    return invokeCard(await app.channel.invoke(alias, 'review.open', open));
  };

  it('Megan sees only the guests and denies Sam without a reason (none required)', async () => {
    const card = await openReview('MeganB', COVID_GUESTS);
    assert.match(cardText(card), /Reviewing:\s+Guests of COVID-19 Response Team/);
    assert.match(cardText(card), /0 of 1 reviewed/);
    assert.match(JSON.stringify(card), /Reason \(optional\)/);
    const guests = invokeCard(
      await app.channel.invoke('MeganB', 'review.page', {
        itemId: actionData(card, 'review.page')[0]!.itemId,
        filter: 'guests',
      }),
    );
    assert.match(cardText(guests), /Sam Taylor \(Fabrikam\)\s+Guest/);
    assert.doesNotMatch(cardText(guests), /Lee Gu/);
    const deny = actionData(guests, 'review.decide').find((d) => d.decision === 'Deny')!;
    const after = invokeCard(await app.channel.invoke('MeganB', 'review.decide', deny));
    assert.match(cardText(after), /Recorded 1 decision/);
    assert.match(cardText(after), /1 of 1 reviewed/);
    const held = await app.decisions(COVID_GUESTS);
    assert.equal(held.of('SamT').decision, 'Deny');
    assert.equal(held.of('SamT').reviewedBy?.id, app.userId('MeganB'));
  });

  it('reminders 3 days before the end reach only reviewers with people left, naming how many', async () => {
    // Megan has finished her review; Nestor has not started his (5 people).
    const falcon = await app.decisions(FALCON);
    const end = new Date(falcon.instance.endDateTime!).getTime();
    const mark = app.channel.recorder.mark();
    app.clock.set(new Date(end - 3 * DAY + 60_000));
    await app.wf().runDue();
    const reminder = await app.channel.waitFor((r) => r.alias === 'NestorW', 10_000, mark);
    assert.match(textOf(reminder), /Reminder: 5 people left to review/);
    assert.match(textOf(reminder), /Project Falcon members - quarterly review/);
    // The COVID review's 3-day mark (it ends a day later) comes too: Megan has nothing left, so nothing.
    const covid = await app.decisions(COVID_GUESTS);
    app.clock.set(new Date(new Date(covid.instance.endDateTime!).getTime() - 3 * DAY + 60_000));
    await app.wf().runDue();
    await new Promise((r) => setTimeout(r, 300));
    const megan = app.channel.recorder
      .all()
      .slice(mark)
      .filter((r) => r.alias === 'MeganB');
    assert.deepEqual(megan.map(textOf), [], 'Megan got nothing');
  });

  it('a click after the review ended changes nothing and says so', async () => {
    const falcon = await app.decisions(FALCON);
    const card = await openReview('NestorW', FALCON);
    const deny = actionData(card, 'review.decide').find((d) => d.decision === 'Deny')!;
    app.clock.set(new Date(new Date(falcon.instance.endDateTime!).getTime() + 60_000));
    const late = invokeCard(await app.channel.invoke('NestorW', 'review.decide', deny));
    assert.match(cardText(late), /has ended: nothing was recorded/);
    const after = await app.decisions(FALCON);
    assert.ok(after.items.every((i) => i.reviewedBy?.id !== app.userId('NestorW')));
  });
});
