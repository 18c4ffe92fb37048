import type { DirectoryView } from '../../routing';
import { SYSTEM_REVIEWER, type DecisionItem, type ReviewInstance, type ReviewState } from './model';
import { recommend } from './recommendation';

/** Ends instances: recommendations, default decisions for unreviewed items, and applying decisions. */
export class ReviewCompletion {
  constructor(
    private readonly state: ReviewState,
    private readonly directory: DirectoryView,
  ) {}

  /** The sign-in based recommendation for an item, as of `at` (never later than the instance's end). */
  recommendationFor(item: DecisionItem, at: Date): 'Approve' | 'Deny' | 'NoInfoAvailable' {
    const instance = this.state.instances.get(item.instanceId)!;
    const def = this.state.definitions.get(instance.definitionId)!;
    const when = new Date(Math.min(at.getTime(), new Date(instance.endDateTime).getTime()));
    return recommend(this.directory.userById(item.principalId), def.settings, when);
  }

  /** Marks the instance Completed at `at`, fills default decisions and auto-applies when set. */
  complete(instance: ReviewInstance, at: Date): void {
    const { settings } = this.state.definitions.get(instance.definitionId)!;
    instance.status = 'Completed';
    if (settings.defaultDecisionEnabled) {
      for (const item of this.state.decisionsOf(instance.id).filter((d) => d.decision === 'NotReviewed')) {
        const rec = this.recommendationFor(item, at);
        const byDefault = settings.defaultDecision === 'Recommendation' ? rec : settings.defaultDecision;
        if (byDefault === 'NoInfoAvailable') continue;
        Object.assign(item, {
          decision: byDefault,
          justification: 'Default decision',
          reviewedBy: SYSTEM_REVIEWER,
          reviewedDateTime: at.toISOString(),
        });
      }
    }
    if (settings.autoApplyDecisionsEnabled) this.apply(instance, at);
  }

  /** Applies recorded Approve/Deny decisions not yet applied: denied principals leave the group. */
  apply(instance: ReviewInstance, at: Date): void {
    const def = this.state.definitions.get(instance.definitionId)!;
    for (const item of this.state.decisionsOf(instance.id)) {
      if (item.applyResult !== 'New' || (item.decision !== 'Approve' && item.decision !== 'Deny')) continue;
      if (item.decision === 'Deny') this.directory.removeGroupMember(def.groupId, item.principalId);
      item.applyResult = 'AppliedSuccessfully';
      item.appliedDateTime = at.toISOString();
    }
  }
}
