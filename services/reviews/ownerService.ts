import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { ReviewDecisionItem, ReviewDefinition, ReviewInstance, ReviewsGateway } from '../ports/reviews';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowStore } from '../ports/workflowStore';
import { effect, type LeaseRequest } from '../workflow/mutate';
import type { ReviewActionData } from './ownerEffects';
import { ReviewClosedError, ReviewNotFoundError } from './errors';
import { ReviewEffect, ReviewKind, type ReviewSummary } from './model';
import type { ReviewDiscovery } from './reviewDiscovery';
import type { ReviewListEntry } from './reviewList';
import type { ReviewReader } from './reviewReader';
import { summarise } from './summary';

/** The owner's view of one instance: progress by reviewer, and what they may do now. */
export interface OwnerView {
  definitionId: string;
  instanceId: string;
  name: string;
  scope: string;
  status: string;
  endDateTime?: string;
  total: number;
  reviewed: number;
  byReviewer: { name: string; decided: number }[];
  canStop: boolean;
  canApply: boolean;
  summary?: ReviewSummary;
}

/**
 * Review owners and admins: progress across reviewers, a nudge to those behind, stop early, apply
 * results where auto-apply is off. Every read and action runs as the caller, so Graph decides who
 * may (it answers 403 to anyone without an access reviews role); stop and apply are persisted as
 * workflow items first and carried out by the outbox.
 */
export class OwnerService {
  constructor(
    private readonly deps: {
      reviews: ReviewsGateway;
      reader: ReviewReader;
      discovery: ReviewDiscovery;
      workflows: WorkflowStore;
      clock: Clock;
    },
  ) {}

  /** Every review instance in progress or completed that the caller may manage ("review admin"). */
  async manageable(who: DelegatedIdentity): Promise<ReviewListEntry[]> {
    const out: ReviewListEntry[] = [];
    for (const d of await this.deps.reviews.definitionsAs(who)) {
      for (const i of await this.deps.reviews.instancesAs(who, d.id)) {
        if (i.status !== 'InProgress' && i.status !== 'Completed') continue;
        const items = await this.deps.reviews.decisionsAs(who, d.id, i.id);
        const facts = this.deps.reader.facts(d, i, resourceOf(items));
        out.push({
          definitionId: d.id,
          instanceId: i.id,
          name: d.displayName,
          scope: facts.scope,
          endDateTime: i.endDateTime,
          total: items.length,
          open: items.filter((x) => x.decision === 'NotReviewed').length,
          status: i.status,
          manage: true,
        });
      }
    }
    return out;
  }

  /** Progress of one instance, read as the caller. */
  async view(who: DelegatedIdentity, definitionId: string, instanceId: string): Promise<OwnerView> {
    const { d, i } = await this.find(who, definitionId, instanceId);
    const items = await this.deps.reviews.decisionsAs(who, d.id, i.id);
    const reviewers = await this.deps.reviews.contactedReviewers(d.id, i.id);
    const decidedBy = (id: string) => items.filter((x) => x.reviewedBy?.id === id).length;
    const completed = i.status === 'Completed';
    const summary = completed ? summarise(items, d) : undefined;
    return {
      definitionId: d.id,
      instanceId: i.id,
      name: d.displayName,
      scope: this.deps.reader.facts(d, i, resourceOf(items)).scope,
      status: i.status,
      endDateTime: i.endDateTime,
      total: items.length,
      reviewed: items.filter((x) => x.decision !== 'NotReviewed').length,
      byReviewer: reviewers.map((r) => ({ name: r.displayName ?? r.id, decided: decidedBy(r.id) })),
      canStop: i.status === 'InProgress',
      canApply: completed && !d.autoApplyDecisionsEnabled && !summary!.applied,
      summary,
    };
  }

  /** Reminds the reviewers who still have people to review; returns how many were reminded. */
  async nudge(who: DelegatedIdentity, definitionId: string, instanceId: string): Promise<number> {
    const { i } = await this.find(who, definitionId, instanceId);
    if (i.status !== 'InProgress') throw new ReviewClosedError('This review is no longer in progress.');
    return this.deps.discovery.remind(definitionId, instanceId, `nudge-${randomUUID().slice(0, 8)}`);
  }

  /** Records the owner's stop or apply; the outbox calls Graph as them (the caller runs the item). */
  async act(
    who: DelegatedIdentity,
    action: 'stop' | 'apply',
    definitionId: string,
    instanceId: string,
    lease: LeaseRequest,
  ) {
    const { i } = await this.find(who, definitionId, instanceId);
    if (action === 'stop' && i.status !== 'InProgress')
      throw new ReviewClosedError('This review is no longer in progress.');
    if (action === 'apply' && i.status !== 'Completed')
      throw new ReviewClosedError('Results can be applied once the review has completed.');
    const now = this.deps.clock.now();
    const type = action === 'stop' ? ReviewEffect.stop : ReviewEffect.apply;
    const { item } = await this.deps.workflows.create({
      id: `reviewAction:${action}:${instanceId}:${randomUUID()}`,
      kind: ReviewKind.action,
      state: 'requested',
      data: { definitionId, instanceId, actorId: who.userId, messages: {} },
      subjects: [who.userId],
      outbox: [effect(`${action}:${instanceId}`, type, {}, now)],
      lease: { owner: lease.owner, until: new Date(now.getTime() + lease.ms) },
      at: now,
    });
    return item;
  }

  /** An owner action as stored (after the outbox ran it). */
  actionItem(id: string) {
    return this.deps.workflows.get<ReviewActionData>(id);
  }

  private async find(who: DelegatedIdentity, definitionId: string, instanceId: string) {
    const i = (await this.deps.reviews.instancesAs(who, definitionId)).find((x) => x.id === instanceId);
    const d = i && (await this.deps.reviews.definitionsAs(who)).find((x) => x.id === definitionId);
    if (!i || !d) throw new ReviewNotFoundError('No such access review.');
    return { d, i } as { d: ReviewDefinition; i: ReviewInstance };
  }
}

function resourceOf(items: ReviewDecisionItem[]): string | undefined {
  return items.find((x) => x.resource?.displayName)?.resource?.displayName;
}
