import type { Clock } from '../clock';
import type { ReviewDefinition, ReviewInstance } from '../ports/reviews';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import { mutateItem } from '../workflow/mutate';
import { ReviewKind, type PeoplePageCounts, type ReviewAssignmentData } from './model';
import { mergeCounts, totals, type PeoplePages } from './peoplePages';
import type { ReviewReader } from './reviewReader';

/**
 * Reads a reviewer's people from Graph (as them) into their stored pages, then gives their item (created
 * on first sight) the facts and each page's counts: one write per changed page, one for the item.
 */
export async function syncAssignment(
  deps: { reader: ReviewReader; workflows: WorkflowStore; clock: Clock; pages: PeoplePages },
  who: DelegatedIdentity,
  d: ReviewDefinition,
  i: ReviewInstance,
  id: string,
): Promise<WorkflowItem<ReviewAssignmentData>> {
  const { people, resourceName } = await deps.reader.people(who, d, i.id);
  const facts = deps.reader.facts(d, i, resourceName);
  const { written, pageCount } = await deps.pages.writeAll(id, who.userId, people);
  const now = deps.clock.now();
  const synced = (known: PeoplePageCounts[] | undefined) => {
    const pages = mergeCounts(known, written, pageCount);
    return { facts, pages, ...totals(pages), syncedAt: now.toISOString() };
  };
  const { item, created } = await deps.workflows.create<ReviewAssignmentData>({
    id,
    kind: ReviewKind.assignment,
    state: 'inProgress',
    data: { ...synced(undefined), reviewerId: who.userId, messages: {} },
    subjects: [who.userId],
    at: now,
  });
  if (created) return item;
  const updated = await mutateItem<ReviewAssignmentData>(
    deps.workflows,
    id,
    () => deps.clock.now(),
    (fresh) => ({ data: { ...fresh.data, ...synced(fresh.data.pages) } }),
    { item },
  );
  return updated.item;
}
