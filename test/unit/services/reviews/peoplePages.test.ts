import { strict as assert } from 'node:assert';
import { createMemoryStore } from '../../../../services/adapters/memory';
import { ReviewNotFoundError } from '../../../../services/reviews/errors';
import type { ReviewPerson } from '../../../../services/reviews/model';
import {
  countsOf,
  mergeCounts,
  pageId,
  PEOPLE_PER_PAGE,
  PeoplePages,
  personRef,
} from '../../../../services/reviews/peoplePages';

const NOW = new Date('2026-03-02T10:00:00Z');

const person = (i: number): ReviewPerson => ({
  decisionId: `d-${i}`,
  principalId: `p-${i}`,
  name: `Person ${i}`,
  guest: i % 7 === 0,
  recommendation: i % 3 === 0 ? 'Deny' : 'Approve',
  decision: 'NotReviewed',
});

describe('PeoplePages', () => {
  const people = Array.from({ length: PEOPLE_PER_PAGE * 2 + 20 }, (_, i) => person(i));
  const setup = async () => {
    const store = createMemoryStore();
    const pages = new PeoplePages({ workflows: store.workflows, now: () => NOW });
    const first = await pages.writeAll('review:i:r', 'r', people);
    return { store, pages, first };
  };

  it('stores people in pages of 50 with their counts; the same people again write nothing', async () => {
    const { store, pages, first } = await setup();
    assert.equal(first.pageCount, 3);
    assert.deepEqual(
      [...first.written.values()].map((c) => c.size),
      [PEOPLE_PER_PAGE, PEOPLE_PER_PAGE, 20],
    );
    assert.deepEqual(first.written.get(2), countsOf(people.slice(100), 1));
    assert.deepEqual((await pages.read('review:i:r', 1)).map((p) => p.decisionId)[0], 'd-50');
    const again = await pages.writeAll('review:i:r', 'r', people);
    assert.deepEqual(
      [...again.written.values()].map((c) => c.version),
      [1, 1, 1],
    );
    assert.equal((await store.workflows.get(pageId('review:i:r', 2)))!.version, 1);
  });

  it('finds the people a click names on their own page, and refuses anything else before Graph', async () => {
    const { pages } = await setup();
    const found = await pages.find('review:i:r', 3, [personRef(1, 'd-60'), personRef(2, 'd-119')]);
    assert.deepEqual(found, [
      { page: 1, decisionId: 'd-60' },
      { page: 2, decisionId: 'd-119' },
    ]);
    for (const refs of [[personRef(0, 'd-60')], ['d-60'], [personRef(3, 'd-1')], [personRef(0, 'x')], []])
      await assert.rejects(pages.find('review:i:r', 3, refs), ReviewNotFoundError, JSON.stringify(refs));
  });

  it('a decision rewrites only its page; the newer counts of a page win whatever order writers finish in', async () => {
    const { store, pages, first } = await setup();
    const counts = await pages.update('review:i:r', 1, (ps) =>
      ps.map((p) => (p.decisionId === 'd-60' ? { ...p, decision: 'Deny' } : p)),
    );
    assert.equal(counts.version, 2);
    assert.equal(counts.open, PEOPLE_PER_PAGE - 1);
    assert.equal((await store.workflows.get(pageId('review:i:r', 0)))!.version, 1);
    assert.equal((await store.workflows.get(pageId('review:i:r', 2)))!.version, 1);
    const known = mergeCounts(undefined, first.written, 3);
    const merged = mergeCounts(known, new Map([[1, counts]]));
    assert.equal(merged[1]!.open, PEOPLE_PER_PAGE - 1);
    // A slower writer that read version 1 reports after: its stale counts do not replace version 2's.
    assert.equal(mergeCounts(merged, new Map([[1, first.written.get(1)!]]))[1]!.open, PEOPLE_PER_PAGE - 1);
    await assert.rejects(
      pages.update('review:i:r', 9, (ps) => [...ps]),
      ReviewNotFoundError,
    );
  });
});
