import type { Clock } from '../clock';
import type { ReviewDefinition, ReviewInstance, ReviewsGateway } from '../ports/reviews';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import { effect, type LeaseRequest, mutateItem } from '../workflow/mutate';
import {
  NotAReviewerError,
  ReviewClosedError,
  ReviewNotFoundError,
  ReviewReasonRequiredError,
} from './errors';
import { ReviewEffect, ReviewKind, type ReviewAssignmentData, type ReviewPerson } from './model';
import type { ReviewReader } from './reviewReader';

/** The workflow item of one reviewer's share of one instance. */
export const assignmentId = (instanceId: string, reviewerId: string) => `review:${instanceId}:${reviewerId}`;

/** What a reviewer decides with one click: one person, or several selected, or every recommendation. */
export interface DecideInput {
  itemId: string;
  decisionIds: string[];
  decision: 'Approve' | 'Deny' | 'DontKnow';
  reason?: string;
}

/** Open items left: decisions not recorded yet. */
export const openCount = (people: ReviewPerson[]) =>
  people.filter((p) => p.decision === 'NotReviewed').length;

/**
 * A reviewer's side of access reviews: their pending reviews, the people to review (read from Graph as
 * them), and their decisions, persisted with the outbox effect that records them in Graph as them.
 * Who decides is the authenticated actor; only the instance's reviewers, only while it is in progress.
 */
export class ReviewerService {
  constructor(
    private readonly deps: {
      reviews: ReviewsGateway;
      reader: ReviewReader;
      workflows: WorkflowStore;
      clock: Clock;
    },
  ) {}

  /** Reviews in progress where the caller is a reviewer ("reviews", "my reviews"), read from Graph. */
  async pending(who: DelegatedIdentity): Promise<WorkflowItem<ReviewAssignmentData>[]> {
    const out: WorkflowItem<ReviewAssignmentData>[] = [];
    for (const d of await this.deps.reviews.myReviews(who)) {
      for (const i of await this.deps.reviews.myInstances(who, d.id)) {
        if (i.status !== 'InProgress') continue;
        const known = await this.deps.workflows.get<ReviewAssignmentData>(assignmentId(i.id, who.userId));
        out.push(known?.data.syncedAt ? known : await this.sync(who, d, i));
      }
    }
    return out;
  }

  /** Opens the caller's share of an instance, read afresh from Graph. */
  async open(who: DelegatedIdentity, definitionId: string, instanceId: string) {
    const d = (await this.deps.reviews.myReviews(who)).find((x) => x.id === definitionId);
    const i = d && (await this.deps.reviews.myInstances(who, d.id)).find((x) => x.id === instanceId);
    if (!d || !i) throw new NotAReviewerError('You are not a reviewer of this access review.');
    if (i.status !== 'InProgress') throw new ReviewClosedError(`This access review is ${i.status}.`);
    return this.sync(who, d, i);
  }

  /** The reviewer's item as stored (paging, filters): no Graph call. */
  async get(itemId: string, viewerId: string): Promise<WorkflowItem<ReviewAssignmentData>> {
    const item = await this.deps.workflows.get<ReviewAssignmentData>(itemId);
    if (!item || item.kind !== ReviewKind.assignment) throw new ReviewNotFoundError('No such access review.');
    if (item.data.reviewerId !== viewerId)
      throw new NotAReviewerError('You are not a reviewer of this access review.');
    return item;
  }

  /** Records a decision on one or several people: checked, persisted, then sent to Graph by the outbox. */
  async decide(who: DelegatedIdentity, input: DecideInput, lease: LeaseRequest) {
    const reason = input.reason?.trim() || undefined;
    return this.command(who, input.itemId, lease, (item, now) => {
      const ids = new Set(item.data.people.map((p) => p.decisionId));
      const unknown = input.decisionIds.filter((id) => !ids.has(id));
      if (unknown.length || input.decisionIds.length === 0)
        throw new ReviewNotFoundError('That person is not in this review.');
      if (input.decision === 'Approve' && item.data.facts.justificationRequired && !reason)
        throw new ReviewReasonRequiredError(
          'This review needs a reason to approve: write one, then approve.',
        );
      const decisions = input.decisionIds.map((decisionId) => ({
        decisionId,
        decision: input.decision,
        justification: reason,
      }));
      return effect(`record:${item.version}`, ReviewEffect.record, { decisions }, now);
    });
  }

  /** Accepts every recommendation not yet decided, in one Graph call. */
  async acceptAll(who: DelegatedIdentity, itemId: string, lease: LeaseRequest) {
    return this.command(who, itemId, lease, (item, now) =>
      effect(`accept:${item.version}`, ReviewEffect.acceptAll, {}, now),
    );
  }

  private async command(
    who: DelegatedIdentity,
    itemId: string,
    lease: LeaseRequest,
    build: (item: WorkflowItem<ReviewAssignmentData>, now: Date) => ReturnType<typeof effect>,
  ) {
    await this.get(itemId, who.userId);
    let entryId = '';
    const { item } = await mutateItem<ReviewAssignmentData>(
      this.deps.workflows,
      itemId,
      () => this.deps.clock.now(),
      (fresh) => {
        const now = this.deps.clock.now();
        if (fresh.state !== 'inProgress' || new Date(fresh.data.facts.endDateTime) <= now)
          throw new ReviewClosedError('This access review has ended: nothing was recorded.');
        const entry = build(fresh, now);
        entryId = entry.id;
        return { effects: [entry] };
      },
      { lease },
    );
    return { item, entryId };
  }

  /** Reads the reviewer's people from Graph and stores them on their item (created on first sight). */
  async sync(who: DelegatedIdentity, d: ReviewDefinition, i: ReviewInstance) {
    const { people, resourceName } = await this.deps.reader.people(who, d, i.id);
    const facts = this.deps.reader.facts(d, i, resourceName);
    const now = this.deps.clock.now();
    const data = {
      facts,
      people,
      total: people.length,
      open: openCount(people),
      syncedAt: now.toISOString(),
    };
    const id = assignmentId(i.id, who.userId);
    const { item, created } = await this.deps.workflows.create<ReviewAssignmentData>({
      id,
      kind: ReviewKind.assignment,
      state: 'inProgress',
      data: { ...data, reviewerId: who.userId, messages: {} },
      subjects: [who.userId],
      at: now,
    });
    if (created) return item;
    const updated = await mutateItem<ReviewAssignmentData>(
      this.deps.workflows,
      id,
      () => now,
      (fresh) => ({
        data: { ...fresh.data, ...data },
      }),
    );
    return updated.item;
  }
}
