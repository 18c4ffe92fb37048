import { strict as assert } from 'node:assert';
import { recommendationText } from '../../../../bot/flows/reviews/reviewCard';
import type { WorkflowItem } from '../../../../services/ports/workflowStore';
import type { ReviewAssignmentData, ReviewFilter, ReviewPerson } from '../../../../services/reviews/model';
import { countsOf, PEOPLE_PER_PAGE, personRef } from '../../../../services/reviews/peoplePages';
import {
  FILTERS,
  locatePage,
  REVIEW_PAGE_SIZE,
  reviewCardData,
  type ReviewCardData,
} from '../../../../services/reviews/reviewView';
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

/** People stored as the service stores them: pages of PEOPLE_PER_PAGE, counts on the item. */
function stored(people: ReviewPerson[], state = 'inProgress') {
  const pages: ReviewPerson[][] = [];
  for (let i = 0; i < people.length; i += PEOPLE_PER_PAGE) pages.push(people.slice(i, i + PEOPLE_PER_PAGE));
  const item: WorkflowItem<ReviewAssignmentData> = {
    id: 'review:i:r',
    kind: 'reviewAssignment',
    state,
    version: 1,
    data: {
      facts: reviewFacts('Falcon'),
      reviewerId: 'r',
      pages: pages.map((p) => countsOf(p, 1)),
      total: people.length,
      open: 0,
      messages: {},
    },
    subjects: ['r'],
    outbox: [],
    createdAt: NOW,
    updatedAt: NOW,
  };
  /** One card page, reading only the stored pages the window names (as ReviewerService.view does). */
  const view = (filter: ReviewFilter, page: number, now = NOW): ReviewCardData & { read: number } => {
    const window = locatePage(item.data.pages!, filter, page);
    const rows = window.stored.flatMap((n) =>
      pages[n]!.map((p) => ({ ...p, ref: personRef(n, p.decisionId) })),
    );
    return { ...reviewCardData(item, window, rows, now), read: window.stored.length };
  };
  return { item, view };
}

describe('review card paging over stored pages', () => {
  // Several stored pages, the last one short, so card pages straddle stored ones.
  const people = Array.from({ length: PEOPLE_PER_PAGE * 3 + 17 }, (_, i) => person(i));
  const { view } = stored(people);

  it('pages each filter: every matching person once, in order, the last page short; one or two reads', () => {
    for (const filter of ['open', 'deny', 'guests', 'all'] as const) {
      const first = view(filter, 1);
      const expected = people.filter(FILTERS[filter]).map((p) => p.decisionId);
      const seen: string[] = [];
      for (let p = 1; p <= first.pageCount; p++) {
        const page = view(filter, p);
        assert.ok(page.read >= 1 && page.read <= 2, `${filter} page ${p} read ${page.read} stored pages`);
        seen.push(...page.people.map((x) => x.decisionId));
      }
      assert.deepEqual(seen, expected, filter);
      assert.equal(first.matching, expected.length, filter);
      assert.equal(first.pageCount, Math.max(1, Math.ceil(expected.length / REVIEW_PAGE_SIZE)), filter);
    }
  });

  it('each row names its stored page, so a click finds the person without a search', () => {
    const last = view('all', view('all', 1).pageCount);
    const p = last.people.at(-1)!;
    assert.equal(p.ref, `3:${p.decisionId}`);
  });

  it('counts progress and the recommendations one click would accept; clamps a page past the end', () => {
    const d = view('all', 99);
    assert.equal(d.page, d.pageCount);
    assert.equal(d.total, people.length);
    assert.equal(d.reviewed, people.filter((p) => p.decision !== 'NotReviewed').length);
    assert.equal(d.acceptable, people.filter((p) => p.decision === 'NotReviewed').length);
  });

  it('an empty filter shows one empty page', () => {
    const nobody = stored(people.map((p) => ({ ...p, guest: false }))).view('guests', 3);
    assert.deepEqual([nobody.page, nobody.pageCount, nobody.matching, nobody.people.length], [1, 1, 0, 0]);
  });

  it('offers no decision once the review completed or its end passed', () => {
    assert.equal(stored(people, 'completed').view('all', 1).canDecide, false);
    assert.equal(view('all', 1, new Date('2026-04-01T00:00:00Z')).canDecide, false);
    assert.equal(view('all', 1).canDecide, true);
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
