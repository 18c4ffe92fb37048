import { strict as assert } from 'node:assert';
import { loadDemoFixture } from '../../../emulator';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { actionData, invokeCard, textOf } from '../access/accessApp';
import { startReviewApp } from './reviewApp';

const COVID_GUESTS = '6ad428c2-caa0-51ec-98a7-db9e0476583f';
const COVID_GROUP = '3f5b3553-e91b-5d97-8289-94ee01172e82';

/** The demo tenant with auto-apply off for the COVID-19 guests review: an owner applies the results. */
function manualApplyTenant() {
  const fixture = loadDemoFixture();
  const reviews = (
    fixture as unknown as { accessReviews: { id: string; settings: Record<string, unknown> }[] }
  ).accessReviews;
  reviews.find((r) => r.id === COVID_GUESTS)!.settings.autoApplyDecisionsEnabled = false;
  return fixture;
}

describe('e2e reviews: an admin follows, nudges, stops early and applies results', () => {
  let app: Awaited<ReturnType<typeof startReviewApp>>;
  before(async () => {
    app = await startReviewApp({ fixture: manualApplyTenant() });
    for (const alias of ['MeganB', 'IsaiahL', 'NestorW']) await app.channel.install(alias);
    await app.wf().discovery.run();
    await app.wf().runDue();
  });
  after(() => app?.stop());

  const manage = async (alias: string) => {
    const mark = app.channel.recorder.mark();
    await app.channel.send(alias, 'reviews manage');
    return app.channel.waitFor((r) => r.alias === alias, 10_000, mark);
  };

  it('a reviewer without an admin role cannot manage or stop a review', async () => {
    const answer = await manage('MeganB');
    assert.match(textOf(answer), /can't|not allowed|permission|role/i);
    const { instance } = await app.decisions(COVID_GUESTS);
    const stop = invokeCard(
      await app.channel.invoke('MeganB', 'review.stop', {
        definitionId: COVID_GUESTS,
        instanceId: instance.id,
      }),
    );
    assert.doesNotMatch(cardText(stop), /Stopped/);
    assert.equal((await app.decisions(COVID_GUESTS)).instance.status, 'InProgress');
  });

  it('Isaiah sees progress, nudges Megan, stops the review early and applies the results', async () => {
    const list = await manage('IsaiahL');
    assert.match(textOf(list), /Guests in COVID-19 Response Team - monthly review/);
    const target = actionData(cardOf(list), 'review.manage').find((d) => d.definitionId === COVID_GUESTS)!;
    let card = invokeCard(await app.channel.invoke('IsaiahL', 'review.manage', target));
    assert.match(cardText(card), /0 of 1 reviewed/);
    assert.match(cardText(card), /Megan Bowen: 0 decided/);

    let mark = app.channel.recorder.mark();
    card = invokeCard(await app.channel.invoke('IsaiahL', 'review.nudge', target));
    assert.match(cardText(card), /Reminded 1 reviewer/);
    await app.wf().runDue();
    const nudge = await app.channel.waitFor((r) => r.alias === 'MeganB', 10_000, mark);
    assert.match(textOf(nudge), /Reminder: 1 person left to review/);

    mark = app.channel.recorder.mark();
    card = invokeCard(await app.channel.invoke('IsaiahL', 'review.stop', target));
    assert.match(cardText(card), /Stopped/);
    assert.match(cardText(card), /Status:\s+Completed/);
    assert.match(cardText(card), /1 denied/, 'the default decision (Deny) covered Sam');
    assert.equal(actionData(card, 'review.apply').length, 1, 'auto-apply is off: Apply is offered');
    assert.ok(
      app.emulator.directory.groupMemberIds(COVID_GROUP).includes(app.userId('SamT')),
      'not applied yet',
    );
    await app.wf().runDue();
    const summary = await app.channel.waitFor(
      (r) => r.alias === 'MeganB' && /completed/.test(textOf(r)),
      10_000,
      mark,
    );
    assert.match(textOf(summary), /Denied:\s+1/);
    assert.match(textOf(summary), /1 not reviewed in time were denied by the review's default decision/);
    assert.match(textOf(summary), /not applied yet/);

    card = invokeCard(await app.channel.invoke('IsaiahL', 'review.apply', target));
    assert.match(cardText(card), /Applied/);
    assert.equal(actionData(card, 'review.apply').length, 0);
    assert.ok(
      !app.emulator.directory.groupMemberIds(COVID_GROUP).includes(app.userId('SamT')),
      'Sam removed',
    );
  });

  it("the reviewer's card says the review is over", async () => {
    const { instance } = await app.decisions(COVID_GUESTS);
    const late = invokeCard(
      await app.channel.invoke('MeganB', 'review.open', {
        definitionId: COVID_GUESTS,
        instanceId: instance.id,
      }),
    );
    assert.match(cardText(late), /Completed/);
  });
});
