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
import { ReviewEffect, ReviewKind, type ReviewAssignmentData, type ReviewFilter } from './model';
import { syncAssignment } from './assignmentSync';
import { PeoplePages, personRef } from './peoplePages';
import type { ReviewReader } from './reviewReader';
import { type ReviewCardData, locatePage, reviewCardData } from './reviewView';
import type { RecordedDecision } from './recordEffects';

/** The workflow item of one reviewer's share of one instance. */
export const assignmentId = (instanceId: string, reviewerId: string) => `review:${instanceId}:${reviewerId}`;

/** What a reviewer decides with one click: one person, or several selected (card references). */
export interface DecideInput {
  itemId: string;
  refs: string[];
  decision: 'Approve' | 'Deny' | 'DontKnow';
  reason?: string;
}

/**
 * A reviewer's side of access reviews: their pending reviews, the people to review (read from Graph as
 * them, stored in pages of their own), and their decisions, persisted with the outbox effect that
 * records them in Graph as them. Who decides is the authenticated actor; only the instance's reviewers,
 * only while it is in progress.
 */
export class ReviewerService {
  private readonly pages: PeoplePages;

  constructor(
    private readonly deps: {
      reviews: ReviewsGateway;
      reader: ReviewReader;
      workflows: WorkflowStore;
      clock: Clock;
    },
  ) {
    this.pages = new PeoplePages({ workflows: deps.workflows, now: () => deps.clock.now() });
  }

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

  /** The reviewer's item as stored: no Graph call. */
  async get(itemId: string, viewerId: string): Promise<WorkflowItem<ReviewAssignmentData>> {
    const item = await this.deps.workflows.get<ReviewAssignmentData>(itemId);
    if (!item || item.kind !== ReviewKind.assignment) throw new ReviewNotFoundError('No such access review.');
    if (item.data.reviewerId !== viewerId)
      throw new NotAReviewerError('You are not a reviewer of this access review.');
    return item;
  }

  /** One card page of people: reads only the stored pages that hold it (one or two small documents). */
  async view(
    item: WorkflowItem<ReviewAssignmentData>,
    filter: ReviewFilter,
    page: number,
    showResult?: string,
  ): Promise<ReviewCardData> {
    const window = locatePage(item.data.pages ?? [], filter, page);
    const rows = [];
    for (const n of window.stored)
      for (const p of await this.pages.read(item.id, n)) rows.push({ ...p, ref: personRef(n, p.decisionId) });
    return reviewCardData(item, window, rows, this.deps.clock.now(), showResult);
  }

  /** Records a decision on one or several people: checked, persisted, then sent to Graph by the outbox. */
  async decide(who: DelegatedIdentity, input: DecideInput, lease: LeaseRequest) {
    const reason = input.reason?.trim() || undefined;
    const item = await this.get(input.itemId, who.userId);
    const found = await this.pages.find(item.id, item.data.pages?.length ?? 0, input.refs);
    const decisions: RecordedDecision[] = found.map((p) => ({
      ...p,
      decision: input.decision,
      justification: reason,
    }));
    if (input.decision === 'Approve' && item.data.facts.justificationRequired && !reason)
      throw new ReviewReasonRequiredError('This review needs a reason to approve: write one, then approve.');
    return this.command(item, lease, (fresh, now) =>
      effect(`record:${fresh.version}`, ReviewEffect.record, { decisions }, now),
    );
  }

  /** Accepts every recommendation not yet decided, in one Graph call. */
  async acceptAll(who: DelegatedIdentity, itemId: string, lease: LeaseRequest) {
    const item = await this.get(itemId, who.userId);
    return this.command(item, lease, (fresh, now) =>
      effect(`accept:${fresh.version}`, ReviewEffect.acceptAll, {}, now),
    );
  }

  /** Reads the reviewer's people from Graph into their pages (services/reviews/assignmentSync.ts). */
  sync(who: DelegatedIdentity, d: ReviewDefinition, i: ReviewInstance) {
    return syncAssignment({ ...this.deps, pages: this.pages }, who, d, i, assignmentId(i.id, who.userId));
  }

  private async command(
    item: WorkflowItem<ReviewAssignmentData>,
    lease: LeaseRequest,
    build: (item: WorkflowItem<ReviewAssignmentData>, now: Date) => ReturnType<typeof effect>,
  ) {
    let entryId = '';
    const result = await mutateItem<ReviewAssignmentData>(
      this.deps.workflows,
      item.id,
      () => this.deps.clock.now(),
      (fresh) => {
        const now = this.deps.clock.now();
        if (fresh.state !== 'inProgress' || new Date(fresh.data.facts.endDateTime) <= now)
          throw new ReviewClosedError('This access review has ended: nothing was recorded.');
        const entry = build(fresh, now);
        entryId = entry.id;
        return { effects: [entry] };
      },
      { lease, item },
    );
    return { item: result.item, entryId };
  }
}
