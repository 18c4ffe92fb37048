import type { ShapeRegistry } from '../governance/shape';

/** Access review types of Graph v1.0 (resources/accessreview*.md): what `$select` / `$expand` may name. */
export const AR_SHAPES: ShapeRegistry = {
  definition: {
    type: 'microsoft.graph.accessReviewScheduleDefinition',
    properties: [
      'additionalNotificationRecipients',
      'createdBy',
      'createdDateTime',
      'descriptionForAdmins',
      'descriptionForReviewers',
      'displayName',
      'fallbackReviewers',
      'id',
      'instanceEnumerationScope',
      'lastModifiedDateTime',
      'reviewers',
      'scope',
      'settings',
      'stageSettings',
      'status',
    ],
    navigation: { instances: undefined },
  },
  instance: {
    type: 'microsoft.graph.accessReviewInstance',
    properties: ['endDateTime', 'fallbackReviewers', 'id', 'reviewers', 'scope', 'startDateTime', 'status'],
    navigation: { contactedReviewers: undefined, decisions: undefined, stages: undefined },
  },
  decision: {
    type: 'microsoft.graph.accessReviewInstanceDecisionItem',
    properties: [
      'accessReviewId',
      'appliedBy',
      'appliedDateTime',
      'applyResult',
      'decision',
      'id',
      'justification',
      'principal',
      'principalLink',
      'recommendation',
      'resource',
      'resourceLink',
      'reviewedBy',
      'reviewedDateTime',
    ],
    navigation: { insights: undefined },
  },
};
