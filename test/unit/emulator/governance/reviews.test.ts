import { strict as assert } from 'node:assert';
import { ReviewService } from '../../../../emulator/graph/modules/reviews/service';
import type { DecisionItem, ReviewInstance } from '../../../../emulator/graph/modules/reviews/model';
import { DAY, idOf, testContext } from './support';

const FALCON_REVIEW = '2de93ae6-dab7-5772-83f1-7112d4e076b0';
const GUEST_REVIEW = '6ad428c2-caa0-51ec-98a7-db9e0476583f';
const FALCON_GROUP = '136acc79-4f2d-53ca-9efa-5ad600f15081';

describe('emulator access reviews', () => {
  let ctx: ReturnType<typeof testContext>;
  let reviews: ReviewService;
  let falcon: ReviewInstance;
  beforeEach(() => {
    ctx = testContext();
    reviews = new ReviewService(ctx);
    falcon = [...reviews.state.instances.values()].find((i) => i.definitionId === FALCON_REVIEW)!;
  });
  const item = (instance: ReviewInstance, alias: string): DecisionItem =>
    reviews.state.decisionsOf(instance.id).find((d) => d.principalId === idOf(ctx, alias))!;
  const recommendationOf = (alias: string) => reviews.recommendationFor(item(falcon, alias), ctx.clock.now());

  it('resolves group owners as reviewers and every member as a decision item', () => {
    assert.deepEqual(falcon.reviewerIds, [idOf(ctx, 'NestorW')]);
    assert.equal(reviews.state.decisionsOf(falcon.id).length, 5);
    assert.equal(falcon.status, 'InProgress');
  });

  it('includes only guests when the scope says guestsOnly', () => {
    const guests = [...reviews.state.instances.values()].find((i) => i.definitionId === GUEST_REVIEW)!;
    assert.deepEqual(
      reviews.state.decisionsOf(guests.id).map((d) => d.principalId),
      [idOf(ctx, 'SamT')],
    );
  });

  it('recommends Deny for principals who never signed in or not within the look-back window', () => {
    assert.equal(recommendationOf('AdeleV'), 'Approve');
    assert.equal(recommendationOf('LynneR'), 'Approve');
    assert.equal(recommendationOf('DiegoS'), 'Deny');
    assert.equal(recommendationOf('GradyA'), 'Deny');
  });

  it('lets only reviewers decide (403), and requires a justification to approve when set (400)', () => {
    const adele = item(falcon, 'AdeleV');
    assert.throws(
      () =>
        reviews.record(falcon, idOf(ctx, 'AdeleV'), { decision: 'Approve', justification: 'me' }, [adele]),
      { status: 403 },
    );
    assert.throws(() => reviews.record(falcon, idOf(ctx, 'NestorW'), { decision: 'Approve' }, [adele]), {
      status: 400,
      code: 'JustificationRequired',
    });
    assert.throws(() => reviews.record(falcon, idOf(ctx, 'NestorW'), { decision: 'Maybe' }, [adele]), {
      status: 400,
      code: 'BadRequest',
    });
    reviews.record(falcon, idOf(ctx, 'NestorW'), { decision: 'Deny' }, [adele]);
    assert.equal(adele.decision, 'Deny');
    assert.equal(adele.reviewedBy?.id, idOf(ctx, 'NestorW'));
  });

  it('refuses decisions once the instance is no longer InProgress (409)', () => {
    reviews.stop(falcon);
    assert.throws(
      () => reviews.record(falcon, idOf(ctx, 'NestorW'), { decision: 'Deny' }, [item(falcon, 'AdeleV')]),
      { status: 409 },
    );
    assert.throws(() => reviews.stop(falcon), { status: 409 });
  });

  it('completes at the end: default decisions from recommendations, auto-applied to the group', () => {
    reviews.record(
      falcon,
      idOf(ctx, 'NestorW'),
      { decision: 'Approve', justification: 'still on the project' },
      [item(falcon, 'GradyA')],
    );
    ctx.clock.advance(4 * DAY);
    reviews.refresh();
    assert.equal(falcon.status, 'Completed');
    assert.equal(item(falcon, 'DiegoS').decision, 'Deny');
    assert.equal(item(falcon, 'AdeleV').decision, 'Approve');
    assert.equal(item(falcon, 'GradyA').decision, 'Approve');
    const members = ctx.directory.groupMemberIds(FALCON_GROUP);
    assert.ok(!members.includes(idOf(ctx, 'DiegoS')));
    assert.ok(!members.includes(idOf(ctx, 'SamT')));
    assert.ok(members.includes(idOf(ctx, 'GradyA')));
    assert.equal(item(falcon, 'DiegoS').applyResult, 'AppliedSuccessfully');
  });

  it('applies decisions on request only after completion, and reminds only while in progress', () => {
    assert.throws(() => reviews.apply(falcon), { status: 409 });
    reviews.remind(falcon);
    assert.equal(falcon.remindersSent, 1);
    reviews.stop(falcon);
    assert.throws(() => reviews.remind(falcon), { status: 409 });
  });
});
