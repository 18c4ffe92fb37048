import type { DirectoryView } from '../../routing';
import type { DecisionItem, ReviewDefinition, ReviewInstance } from './model';
import type { ReviewService } from './service';

const PATTERN = {
  weekly: { type: 'weekly', interval: 1 },
  monthly: { type: 'absoluteMonthly', interval: 1 },
  quarterly: { type: 'absoluteMonthly', interval: 3 },
};

/** Serialises access review objects to Graph v1.0 JSON. */
export class ReviewViews {
  constructor(
    private readonly reviews: ReviewService,
    private readonly directory: DirectoryView,
  ) {}

  scope(d: ReviewDefinition) {
    const query =
      d.principals === 'guestsOnly'
        ? `/groups/${d.groupId}/transitiveMembers/microsoft.graph.user/?$count=true&$filter=(userType eq 'Guest')`
        : `/groups/${d.groupId}/transitiveMembers`;
    return {
      '@odata.type': '#microsoft.graph.accessReviewQueryScope',
      query,
      queryType: 'MicrosoftGraph',
      queryRoot: null,
    };
  }

  /** Graph's form for a review scoped to one group (`./owners` is for reviews of all groups). */
  reviewers(d: ReviewDefinition) {
    const query =
      d.reviewers.type === 'singleUser' ? `/users/${d.reviewers.userId}` : `/groups/${d.groupId}/owners`;
    return [{ query, queryType: 'MicrosoftGraph', queryRoot: null }];
  }

  definition(d: ReviewDefinition) {
    const s = d.settings;
    return {
      id: d.id,
      displayName: d.displayName,
      status: 'InProgress',
      descriptionForAdmins: d.displayName,
      descriptionForReviewers: d.displayName,
      createdDateTime: d.createdDateTime,
      lastModifiedDateTime: d.createdDateTime,
      createdBy: null,
      scope: this.scope(d),
      instanceEnumerationScope: null,
      reviewers: this.reviewers(d),
      fallbackReviewers: [],
      settings: {
        mailNotificationsEnabled: true,
        reminderNotificationsEnabled: s.reminderNotificationsEnabled,
        justificationRequiredOnApproval: s.justificationRequiredOnApproval,
        defaultDecisionEnabled: s.defaultDecisionEnabled,
        defaultDecision: s.defaultDecision,
        instanceDurationInDays: d.instanceDurationInDays,
        autoApplyDecisionsEnabled: s.autoApplyDecisionsEnabled,
        recommendationsEnabled: s.recommendationsEnabled,
        recommendationLookBackDuration: s.recommendationLookBackDuration,
        decisionHistoriesForReviewersEnabled: false,
        recurrence: {
          pattern: { ...PATTERN[d.recurrence], dayOfMonth: 0 },
          range: {
            type: 'noEnd',
            startDate: d.createdDateTime.slice(0, 10),
            endDate: null,
            numberOfOccurrences: 0,
          },
        },
        applyActions: s.autoApplyDecisionsEnabled
          ? [{ '@odata.type': '#microsoft.graph.removeAccessApplyAction' }]
          : [],
      },
    };
  }

  /** A reviewer as accessReviewReviewer names them. */
  reviewerOf(userId: string) {
    const u = this.directory.userById(userId);
    return { displayName: u?.displayName ?? null, userPrincipalName: u?.userPrincipalName ?? null };
  }

  instance(i: ReviewInstance) {
    const d = this.reviews.state.definitions.get(i.definitionId)!;
    return {
      id: i.id,
      startDateTime: i.startDateTime,
      endDateTime: i.endDateTime,
      status: i.status,
      scope: this.scope(d),
      reviewers: this.reviewers(d),
      fallbackReviewers: [],
    };
  }

  decision(item: DecisionItem, now: Date) {
    const instance = this.reviews.state.instances.get(item.instanceId)!;
    const d = this.reviews.state.definitions.get(instance.definitionId)!;
    const user = this.directory.userById(item.principalId);
    const group = this.directory.groupById(d.groupId);
    const nobody = { id: '00000000-0000-0000-0000-000000000000', displayName: '', userPrincipalName: '' };
    return {
      id: item.id,
      accessReviewId: instance.id,
      decision: item.decision,
      recommendation: this.reviews.recommendationFor(item, now),
      justification: item.justification,
      reviewedBy: item.reviewedBy ?? nobody,
      reviewedDateTime: item.reviewedDateTime,
      appliedBy: item.appliedDateTime
        ? {
            id: '00000000-0000-0000-0000-000000000000',
            displayName: 'AAD Access Reviews',
            userPrincipalName: null,
          }
        : nobody,
      appliedDateTime: item.appliedDateTime,
      applyResult: item.applyResult,
      principalLink: `https://graph.microsoft.com/v1.0/users/${item.principalId}`,
      resourceLink: `https://graph.microsoft.com/v1.0/groups/${d.groupId}`,
      principal: {
        '@odata.type': '#microsoft.graph.userIdentity',
        id: item.principalId,
        displayName: user?.displayName ?? null,
        userPrincipalName: user?.userPrincipalName ?? null,
      },
      resource: { id: d.groupId, displayName: group?.displayName ?? null, type: 'group' },
      insights: [
        {
          '@odata.type': '#microsoft.graph.userSignInInsight',
          id: `${item.id}-signin`,
          insightCreatedDateTime: now.toISOString(),
          lastSignInDateTime: user?.lastSignInDateTime ?? null,
        },
      ],
    };
  }
}
