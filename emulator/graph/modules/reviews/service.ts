import type { ModuleContext } from '../../routing';
import { GraphHttpError } from '../../routing';
import type { Decision, DecisionItem, ReviewInstance, ReviewState } from './model';
import { seedReviews } from './seed';
import { ReviewCompletion } from './completion';

const DECISIONS: Decision[] = ['Approve', 'Deny', 'DontKnow', 'NotReviewed'];

/** What a reviewer records on one or many items. */
export interface RecordInput {
  decision: unknown;
  justification?: string | null;
}

/**
 * Access reviews: reviewers record decisions while an instance is InProgress; when it ends (or is
 * stopped) default decisions fill the gaps and, if set, decisions are applied to group membership.
 */
export class ReviewService {
  readonly state: ReviewState;
  private readonly completion: ReviewCompletion;

  constructor(private readonly ctx: ModuleContext) {
    this.state = seedReviews(ctx);
    this.completion = new ReviewCompletion(this.state, ctx.directory);
  }

  /** Completes instances whose end has passed; returns now. */
  refresh(): Date {
    const now = this.ctx.clock.now();
    for (const i of this.state.instances.values()) {
      if (i.status === 'InProgress' && new Date(i.endDateTime) <= now)
        this.completion.complete(i, new Date(i.endDateTime));
    }
    return now;
  }

  instance(definitionId: string, instanceId: string): ReviewInstance {
    const i = this.state.instances.get(instanceId);
    if (!i || i.definitionId !== definitionId)
      throw new GraphHttpError(
        404,
        'ResourceNotFound',
        `Access review instance '${instanceId}' was not found.`,
      );
    return i;
  }

  recommendationFor(item: DecisionItem, at: Date): 'Approve' | 'Deny' | 'NoInfoAvailable' {
    return this.completion.recommendationFor(item, at);
  }

  /** Records the caller's decision on the matching items of an instance (one item, or a batch). */
  record(instance: ReviewInstance, callerId: string, input: RecordInput, items: DecisionItem[]): void {
    const now = this.refresh();
    if (!instance.reviewerIds.includes(callerId))
      throw new GraphHttpError(403, 'Forbidden', 'The caller is not a reviewer of this access review.');
    if (instance.status !== 'InProgress')
      throw new GraphHttpError(
        409,
        'Conflict',
        `The access review is ${instance.status}; decisions can only be recorded while it is InProgress.`,
      ); // (u)
    if (!DECISIONS.includes(input.decision as Decision))
      throw new GraphHttpError(400, 'BadRequest', `'${String(input.decision)}' is not a valid decision.`);
    const justification = input.justification?.trim() || null;
    const def = this.state.definitions.get(instance.definitionId)!;
    if (input.decision === 'Approve' && def.settings.justificationRequiredOnApproval && !justification) {
      throw new GraphHttpError(
        400,
        'JustificationRequired',
        'A justification is required to approve access in this review.',
      ); // (u)
    }
    const reviewer = this.ctx.directory.userById(callerId);
    for (const item of items) {
      Object.assign(item, {
        decision: input.decision as Decision,
        justification,
        reviewedBy: {
          id: callerId,
          displayName: reviewer?.displayName ?? '',
          userPrincipalName: reviewer?.userPrincipalName ?? null,
        },
        reviewedDateTime: now.toISOString(),
      });
    }
  }

  /** Sets the caller's unreviewed items to their recommendation (acceptRecommendations). */
  acceptRecommendations(instance: ReviewInstance, callerId: string): void {
    const now = this.refresh();
    for (const item of this.state.decisionsOf(instance.id).filter((d) => d.decision === 'NotReviewed')) {
      const rec = this.recommendationFor(item, now);
      if (rec !== 'NoInfoAvailable')
        this.record(instance, callerId, { decision: rec, justification: 'Accepted recommendation' }, [item]);
    }
  }

  stop(instance: ReviewInstance): void {
    const now = this.refresh();
    if (instance.status !== 'InProgress')
      throw new GraphHttpError(409, 'Conflict', `The access review is already ${instance.status}.`); // (u)
    instance.endDateTime = now.toISOString();
    this.completion.complete(instance, now);
  }

  remind(instance: ReviewInstance): void {
    this.refresh();
    if (instance.status !== 'InProgress')
      throw new GraphHttpError(409, 'Conflict', 'Reminders can only be sent while the review is InProgress.'); // (u)
    instance.remindersSent++;
  }

  /** Applies recorded decisions once the instance is Completed (applyDecisions). */
  apply(instance: ReviewInstance): void {
    const now = this.refresh();
    if (instance.status !== 'Completed') {
      throw new GraphHttpError(
        409,
        'Conflict',
        'Decisions can only be applied once the review is Completed.',
      ); // (u)
    }
    this.completion.apply(instance, now);
  }
}
