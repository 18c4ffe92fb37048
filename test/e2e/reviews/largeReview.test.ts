import { strict as assert } from 'node:assert';
import { cardText } from '../../../emulator/teams/cards';
import { cardMessageBytes, TEAMS_MESSAGE_LIMIT_BYTES } from '../../../cards/limits';
import type { AdaptiveCard } from '../../../cards/render';
import { actionData, invokeCard } from '../access/accessApp';
import { startReviewApp } from './reviewApp';
import { LARGE_REVIEW_ID, LARGE_REVIEW_PEOPLE, largeReviewTenant } from './largeReviewTenant';

describe('e2e reviews: a generated review of 2,000 people', function () {
  this.timeout(120_000);
  let app: Awaited<ReturnType<typeof startReviewApp>>;
  before(async () => {
    app = await startReviewApp({ fixture: largeReviewTenant(), signIn: ['NestorW'] });
    await app.channel.install('NestorW');
  });
  after(() => app?.stop());

  it('pages every person exactly once, each card under 28 KB, and accepts all 2,000 recommendations', async () => {
    const { instance, items } = await app.decisions(LARGE_REVIEW_ID);
    assert.equal(items.length, LARGE_REVIEW_PEOPLE);
    let card = invokeCard(
      await app.channel.invoke('NestorW', 'review.open', {
        definitionId: LARGE_REVIEW_ID,
        instanceId: instance.id,
      }),
    );
    const itemId = actionData(card, 'review.page')[0]!.itemId as string;
    card = invokeCard(await app.channel.invoke('NestorW', 'review.page', { itemId, filter: 'all', page: 1 }));
    const seen = new Set<string>();
    let pages = 0;
    for (;;) {
      pages++;
      assert.ok(cardMessageBytes(card as AdaptiveCard) < TEAMS_MESSAGE_LIMIT_BYTES, `page ${pages}`);
      for (const d of actionData(card, 'review.decide')) {
        const [id] = (d.decisionIds as string[] | undefined) ?? [];
        if (id && d.decision === 'Deny') {
          assert.ok(!seen.has(id), `${id} on two pages`);
          seen.add(id);
        }
      }
      const next = actionData(card, 'review.page').find((d) => d.page === pages + 1);
      if (!next) break;
      card = invokeCard(await app.channel.invoke('NestorW', 'review.page', next));
    }
    assert.equal(seen.size, LARGE_REVIEW_PEOPLE);
    assert.equal(pages, Math.ceil(LARGE_REVIEW_PEOPLE / 8));
    assert.match(cardText(card), new RegExp(`All: ${LARGE_REVIEW_PEOPLE} \\(page ${pages} of ${pages}\\)`));

    const recommended = items.filter((i) => i.recommendation === 'Approve' || i.recommendation === 'Deny');
    const accept = actionData(card, 'review.acceptAll')[0]!;
    const mark = app.emulator.requestLog.all().length;
    card = invokeCard(await app.channel.invoke('NestorW', 'review.acceptAll', accept));
    assert.match(cardText(card), new RegExp(`Recorded ${recommended.length} decisions`));
    const calls = app.emulator.requestLog
      .all()
      .slice(mark)
      .filter((r) => r.api === 'graph');
    assert.equal(calls.filter((r) => r.method === 'POST').length, 1, 'one acceptRecommendations');
    assert.equal(calls.filter((r) => r.status === 429).length, 0);
    const after = await app.decisions(LARGE_REVIEW_ID);
    assert.equal(after.items.filter((i) => i.decision === 'NotReviewed').length, 0);
    assert.equal(
      after.items.filter((i) => i.reviewedBy?.id === app.userId('NestorW')).length,
      recommended.length,
    );
  });
});
