import { strict as assert } from 'node:assert';
import { ForbiddenError, PolicyViolationError } from '../../../services/ports/graphErrors';
import { demoTenant, userId, type GraphContractContext } from './context';

const FALCON_REVIEW = demoTenant.accessReviews[0]!.id;

/** The ReviewsGateway contract: a reviewer's pending decisions, one by one and in bulk. */
export function reviewsContract(ctx: () => GraphContractContext): void {
  const reviews = () => ctx().gateways.reviews;
  // Project Falcon's review is done by the group's owner, Nestor.
  const nestor = () => ctx().as('NestorW');

  it("lists the reviewer's reviews, instances and decision items with recommendations", async () => {
    const mine = await reviews().myReviews(nestor());
    const falcon = mine.find((d) => d.id === FALCON_REVIEW);
    assert.ok(falcon);
    assert.equal(falcon.justificationRequiredOnApproval, true);
    const [instance] = await reviews().myInstances(nestor(), FALCON_REVIEW);
    assert.equal(instance?.status, 'InProgress');
    const items = await reviews().myDecisions(nestor(), FALCON_REVIEW, instance!.id);
    const members = ['AdeleV', 'DiegoS', 'LynneR', 'SamT', 'GradyA'].map(userId).sort();
    assert.deepEqual(items.map((i) => i.principal.id).sort(), members);
    assert.ok(items.every((i) => i.decision === 'NotReviewed' && i.reviewedBy === undefined));
    assert.ok(items.every((i) => i.recommendation !== undefined));
    assert.deepEqual(await reviews().myReviews(ctx().as('AdeleV')), [], 'Adele reviews nothing');
  });

  it('records one decision, requiring a justification to approve', async () => {
    const [instance] = await reviews().myInstances(nestor(), FALCON_REVIEW);
    const items = await reviews().myDecisions(nestor(), FALCON_REVIEW, instance!.id);
    const adele = items.find((i) => i.principal.id === userId('AdeleV'))!;
    await assert.rejects(
      reviews().recordDecision(nestor(), FALCON_REVIEW, instance!.id, {
        decisionId: adele.id,
        decision: 'Approve',
      }),
      (e) => e instanceof PolicyViolationError && e.reason === 'justificationRequired',
    );
    await assert.rejects(
      reviews().recordDecision(ctx().as('AdeleV'), FALCON_REVIEW, instance!.id, {
        decisionId: adele.id,
        decision: 'Approve',
        justification: 'me',
      }),
      ForbiddenError,
    );
    await reviews().recordDecision(nestor(), FALCON_REVIEW, instance!.id, {
      decisionId: adele.id,
      decision: 'Approve',
      justification: 'Still on the project',
    });
    const after = await reviews().listDecisions(FALCON_REVIEW, instance!.id);
    const recorded = after.find((i) => i.id === adele.id)!;
    assert.equal(recorded.decision, 'Approve');
    assert.equal(recorded.reviewedBy?.id, userId('NestorW'));
  });

  it('records many decisions at once and reports each one', async () => {
    const [instance] = await reviews().myInstances(nestor(), FALCON_REVIEW);
    const items = await reviews().myDecisions(nestor(), FALCON_REVIEW, instance!.id);
    const pick = (alias: string) => items.find((i) => i.principal.id === userId(alias))!.id;
    const results = await reviews().recordDecisions(nestor(), FALCON_REVIEW, instance!.id, [
      { decisionId: pick('SamT'), decision: 'Deny', justification: 'Left the project' },
      { decisionId: pick('GradyA'), decision: 'DontKnow' },
      { decisionId: pick('LynneR'), decision: 'Approve' }, // no justification: refused
    ]);
    assert.equal(results.get(pick('SamT')), undefined);
    assert.equal(results.get(pick('GradyA')), undefined);
    assert.ok(results.get(pick('LynneR')) instanceof PolicyViolationError);
    const after = new Map(
      (await reviews().listDecisions(FALCON_REVIEW, instance!.id)).map((i) => [i.id, i.decision]),
    );
    assert.equal(after.get(pick('SamT')), 'Deny');
    assert.equal(after.get(pick('GradyA')), 'DontKnow');
    assert.equal(after.get(pick('LynneR')), 'NotReviewed');
  });

  it('lists definitions and instances app-only', async () => {
    const all = await reviews().listDefinitions();
    assert.deepEqual(all.map((d) => d.id).sort(), demoTenant.accessReviews.map((r) => r.id).sort());
    const instances = await reviews().listInstances(FALCON_REVIEW);
    assert.ok(instances.some((i) => i.status === 'InProgress' && i.endDateTime));
  });

  it('names the instance reviewers app-only and reads the scope and settings of a definition', async () => {
    const [instance] = await reviews().listInstances(FALCON_REVIEW);
    const reviewers = await reviews().contactedReviewers(FALCON_REVIEW, instance!.id);
    assert.deepEqual(
      reviewers.map((r) => r.id),
      [userId('NestorW')],
    );
    const d = await reviews().getDefinition(FALCON_REVIEW);
    assert.equal(d.guestsOnly, false);
    assert.ok(d.scopeGroupId);
    assert.equal(d.autoApplyDecisionsEnabled, true);
    assert.equal(d.recommendationLookBackDuration, 'P30D');
  });

  it("reads each person's last sign-in from the decision items' insights", async () => {
    const [instance] = await reviews().myInstances(nestor(), FALCON_REVIEW);
    const items = await reviews().myDecisions(nestor(), FALCON_REVIEW, instance!.id);
    const of = (alias: string) => items.find((i) => i.principal.id === userId(alias))!;
    assert.ok(of('DiegoS').lastSignIn, 'Diego signed in once, long ago');
    assert.equal(of('GradyA').lastSignIn, undefined, 'Grady never signed in');
  });

  it('accepts every recommendation in one call, as the reviewer', async () => {
    const [instance] = await reviews().myInstances(nestor(), FALCON_REVIEW);
    await assert.rejects(
      reviews().acceptRecommendations(ctx().as('AdeleV'), FALCON_REVIEW, instance!.id),
      ForbiddenError,
    );
    await reviews().acceptRecommendations(nestor(), FALCON_REVIEW, instance!.id);
    const after = await reviews().listDecisions(FALCON_REVIEW, instance!.id);
    assert.ok(
      after.every((i) => i.decision !== 'NotReviewed'),
      JSON.stringify(after.map((i) => i.decision)),
    );
  });

  it('lets an admin, and nobody else, read every review and stop and apply one', async () => {
    await assert.rejects(reviews().definitionsAs(ctx().as('AdeleV')), ForbiddenError);
    const isaiah = ctx().as('IsaiahL');
    const all = await reviews().definitionsAs(isaiah);
    assert.equal(all.length, demoTenant.accessReviews.length);
    const [instance] = await reviews().instancesAs(isaiah, FALCON_REVIEW);
    const items = await reviews().decisionsAs(isaiah, FALCON_REVIEW, instance!.id);
    assert.equal(items.length, 5);
    await assert.rejects(reviews().stopInstance(nestor(), FALCON_REVIEW, instance!.id), ForbiddenError);
    await reviews().stopInstance(isaiah, FALCON_REVIEW, instance!.id);
    const [stopped] = await reviews().listInstances(FALCON_REVIEW);
    assert.equal(stopped!.status, 'Completed');
    await reviews().applyDecisions(isaiah, FALCON_REVIEW, instance!.id);
    const applied = await reviews().listDecisions(FALCON_REVIEW, instance!.id);
    const decided = applied.filter((i) => i.decision === 'Approve' || i.decision === 'Deny');
    assert.ok(decided.length > 0);
    assert.ok(decided.every((i) => i.applyResult === 'AppliedSuccessfully'));
  });
}
