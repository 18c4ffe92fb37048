import { strict as assert } from 'node:assert';
import { recommendationText } from '../../../../bot/flows/reviews/reviewCard';
import type { WorkflowItem } from '../../../../services/ports/workflowStore';
import type { ReviewAssignmentData, ReviewPerson } from '../../../../services/reviews/model';
import { REVIEW_PAGE_SIZE, reviewCardData } from '../../../../services/reviews/reviewView';
import { reviewFacts } from '../../cards/reviewCards.cases';

const NOW = new Date('2026-03-02T10:00:00Z');

function person(i: number, over: Partial<ReviewPerson> = {}): ReviewPerson {
  return {
    decisionId: `d-${i}`,
    principalId: `p-${i}`,
    name: `Person ${i}`,
    guest: i % 5 === 0,
    recommendation: i % 3 === 0 ? 'Deny' : 'Approve',
    decision: i % 4 === 0 ? 'Approve' : 'NotReviewed',
    ...over,
  };
}

function item(people: ReviewPerson[], state = 'inProgress'): WorkflowItem<ReviewAssignmentData> {
  return {
    id: 'review:i:r',
    kind: 'reviewAssignment',
    state,
    version: 1,
    data: {
      facts: reviewFacts('Falcon'),
      reviewerId: 'r',
      people,
      total: people.length,
      open: 0,
      messages: {},
    },
    subjects: ['r'],
    outbox: [],
    createdAt: NOW,
    updatedAt: NOW,
  };
}

describe('reviewCardData', () => {
  const people = Array.from({ length: 41 }, (_, i) => person(i));

  it('pages each filter: every matching person once, in order, the last page short', () => {
    for (const filter of ['open', 'deny', 'guests', 'all'] as const) {
      const first = reviewCardData(item(people), filter, 1, NOW);
      const seen: string[] = [];
      for (let p = 1; p <= first.pageCount; p++)
        seen.push(...reviewCardData(item(people), filter, p, NOW).people.map((x) => x.decisionId));
      assert.equal(seen.length, first.matching, filter);
      assert.equal(new Set(seen).size, seen.length, filter);
      assert.equal(first.pageCount, Math.max(1, Math.ceil(first.matching / REVIEW_PAGE_SIZE)), filter);
    }
    const open = reviewCardData(item(people), 'open', 1, NOW);
    assert.ok(open.people.every((p) => p.decision === 'NotReviewed'));
    assert.ok(reviewCardData(item(people), 'guests', 1, NOW).people.every((p) => p.guest));
    assert.ok(reviewCardData(item(people), 'deny', 1, NOW).people.every((p) => p.recommendation === 'Deny'));
  });

  it('counts progress and the recommendations one click would accept; clamps a page past the end', () => {
    const d = reviewCardData(item(people), 'all', 99, NOW);
    assert.equal(d.page, d.pageCount);
    assert.equal(d.reviewed, people.filter((p) => p.decision !== 'NotReviewed').length);
    assert.equal(d.acceptable, people.filter((p) => p.decision === 'NotReviewed').length);
  });

  it('offers no decision once the review completed or its end passed', () => {
    assert.equal(reviewCardData(item(people, 'completed'), 'all', 1, NOW).canDecide, false);
    assert.equal(reviewCardData(item(people), 'all', 1, new Date('2026-04-01T00:00:00Z')).canDecide, false);
    assert.equal(reviewCardData(item(people), 'all', 1, NOW).canDecide, true);
  });
});

describe('recommendationText', () => {
  it('says why: no sign-in in the look-back window, or never', () => {
    assert.equal(
      recommendationText(person(3, { lastSignIn: '2025-01-01T00:00:00Z' }), 'P30D'),
      'Recommended: deny (no sign-in in 30 days)',
    );
    assert.equal(recommendationText(person(3), 'P60D'), 'Recommended: deny (never signed in)');
    assert.equal(recommendationText(person(1), 'P30D'), 'Recommended: approve (signed in within 30 days)');
    assert.equal(
      recommendationText(person(1, { recommendation: 'NoInfoAvailable' }), 'P30D'),
      'No recommendation',
    );
  });
});
