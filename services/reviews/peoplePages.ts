import type { WorkflowStore } from '../ports/workflowStore';
import { mutateItem, WorkflowNotFoundError } from '../workflow/mutate';
import { ReviewNotFoundError } from './errors';
import { ReviewKind, type PeoplePageCounts, type ReviewPeoplePageData, type ReviewPerson } from './model';

/**
 * People per stored page: a page document stays around 10–20 KB however large the review, so a click
 * on one person rewrites one small document, and a card page reads one or two.
 */
export const PEOPLE_PER_PAGE = 50;

/** The id of a stored page of people. */
export const pageId = (assignmentId: string, page: number) => `${assignmentId}:people:${page}`;

/** A person as the card names them: stored page and decision id, so a click finds its page at once. */
export const personRef = (page: number, decisionId: string) => `${page}:${decisionId}`;

/** The page and decision id a card sent; undefined when it is not a reference the card makes. */
export function parseRef(ref: string): { page: number; decisionId: string } | undefined {
  const m = /^(\d{1,5}):(.+)$/.exec(ref);
  return m ? { page: Number(m[1]), decisionId: m[2]! } : undefined;
}

/** What a page holds, by filter. */
export function countsOf(people: readonly ReviewPerson[], version: number): PeoplePageCounts {
  const open = people.filter((p) => p.decision === 'NotReviewed');
  return {
    version,
    size: people.length,
    open: open.length,
    deny: people.filter((p) => p.recommendation === 'Deny').length,
    guests: people.filter((p) => p.guest).length,
    acceptable: open.filter((p) => p.recommendation === 'Approve' || p.recommendation === 'Deny').length,
  };
}

/** People and people left, from the stored pages' counts. */
export function totals(pages: readonly PeoplePageCounts[]): { total: number; open: number } {
  return {
    total: pages.reduce((n, c) => n + c.size, 0),
    open: pages.reduce((n, c) => n + c.open, 0),
  };
}

/** Page counts after writes: each page keeps the counts of its newest version (writers may race). */
export function mergeCounts(
  known: readonly PeoplePageCounts[] | undefined,
  written: ReadonlyMap<number, PeoplePageCounts>,
  length = known?.length ?? 0,
): PeoplePageCounts[] {
  return Array.from({ length }, (_, n) => {
    const old = known?.[n];
    const fresh = written.get(n);
    if (!fresh) return old ?? countsOf([], 0);
    return old && old.version > fresh.version ? old : fresh;
  });
}

/**
 * A reviewer's people, stored as page items of their own (one conditional single-document write per
 * page: the store has no transactions, and none is needed, as each page is complete in itself).
 */
export class PeoplePages {
  constructor(private readonly deps: { workflows: WorkflowStore; now: () => Date }) {}

  /** Stores everyone read from Graph, page by page; a page that did not change is not written. */
  async writeAll(assignmentId: string, subject: string, people: readonly ReviewPerson[]) {
    const written = new Map<number, PeoplePageCounts>();
    const pageCount = Math.ceil(people.length / PEOPLE_PER_PAGE);
    for (let n = 0; n < pageCount; n++) {
      const slice = people.slice(n * PEOPLE_PER_PAGE, (n + 1) * PEOPLE_PER_PAGE);
      written.set(n, await this.put(assignmentId, subject, n, slice));
    }
    return { written, pageCount };
  }

  /**
   * The people a click names by reference, each checked on its stored page (one read per page named);
   * anyone not there, or a reference the card does not make, is refused before Graph is called.
   */
  async find(assignmentId: string, pageCount: number, refs: readonly string[]) {
    const found: { page: number; decisionId: string }[] = [];
    const pages = new Map<number, Set<string>>();
    for (const ref of refs.map(parseRef)) {
      if (!ref || ref.page >= pageCount) throw new ReviewNotFoundError('That person is not in this review.');
      let ids = pages.get(ref.page);
      if (!ids) {
        ids = new Set((await this.read(assignmentId, ref.page)).map((p) => p.decisionId));
        pages.set(ref.page, ids);
      }
      if (!ids.has(ref.decisionId)) throw new ReviewNotFoundError('That person is not in this review.');
      found.push(ref);
    }
    if (found.length === 0) throw new ReviewNotFoundError('That person is not in this review.');
    return found;
  }

  /** One stored page; a missing one reads as empty (a page the last sync no longer has). */
  async read(assignmentId: string, page: number): Promise<ReviewPerson[]> {
    const item = await this.deps.workflows.get<ReviewPeoplePageData>(pageId(assignmentId, page));
    return item?.data.people ?? [];
  }

  /**
   * Changes people on one page (`change` may run again on a fresher copy, so it must not count on the
   * side); returns the page's counts after the write.
   */
  async update(
    assignmentId: string,
    page: number,
    change: (people: readonly ReviewPerson[]) => ReviewPerson[],
  ): Promise<PeoplePageCounts> {
    const id = pageId(assignmentId, page);
    const { item } = await mutateItem<ReviewPeoplePageData>(
      this.deps.workflows,
      id,
      this.deps.now,
      (fresh) => {
        const people = change(fresh.data.people);
        const same = people.every((p, i) => p === fresh.data.people[i]);
        return same ? undefined : { data: { ...fresh.data, people } };
      },
    ).catch((err: unknown) => {
      if (err instanceof WorkflowNotFoundError)
        throw new ReviewNotFoundError('That person is not in this review.');
      throw err;
    });
    return countsOf(item.data.people, item.version);
  }

  private async put(assignmentId: string, subject: string, page: number, people: ReviewPerson[]) {
    const id = pageId(assignmentId, page);
    const { item, created } = await this.deps.workflows.create<ReviewPeoplePageData>({
      id,
      kind: ReviewKind.people,
      state: 'stored',
      data: { assignmentId, page, people },
      subjects: [subject],
      at: this.deps.now(),
    });
    if (created) return countsOf(people, item.version);
    const same = JSON.stringify(item.data.people) === JSON.stringify(people);
    if (same) return countsOf(item.data.people, item.version);
    const updated = await mutateItem<ReviewPeoplePageData>(
      this.deps.workflows,
      id,
      this.deps.now,
      (fresh) => ({ data: { ...fresh.data, people } }),
      { item },
    );
    return countsOf(updated.item.data.people, updated.item.version);
  }
}
