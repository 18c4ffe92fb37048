import { loadDemoFixture } from '../../../emulator';
import type { TenantFixture } from '../../../emulator/graph/routing';
import { generateTenant } from '../../../emulator/tenant/generate';

/** The generated review: every one of LARGE_REVIEW_PEOPLE contractors, reviewed by Nestor. */
export const LARGE_REVIEW_ID = 'c0ffee00-0000-4000-8000-000000002000';
export const LARGE_REVIEW_PEOPLE = 2000;

/**
 * The demo tenant plus 2,000 generated users (emulator/tenant/generate.ts: ~3 % guests, ~5 % never
 * signed in, the rest up to 200 days ago), all members of "Contractors 2026", whose access review
 * Nestor Wilke does alone. Recommendations on; a reason is required to approve. Deterministic.
 */
export function largeReviewTenant(): TenantFixture {
  const demo = loadDemoFixture() as unknown as { users: unknown[] };
  const before = demo.users.length;
  const fixture = generateTenant(loadDemoFixture(), { users: LARGE_REVIEW_PEOPLE, groups: 1, seed: 2000 });
  const f = fixture as unknown as {
    users: { alias: string }[];
    groups: Record<string, unknown>[];
    accessReviews: Record<string, unknown>[];
  };
  f.groups.push({
    id: 'c0ffee00-0000-4000-8000-0000000000c1',
    displayName: 'Contractors 2026',
    mailNickname: 'Contractors2026',
    isTeam: false,
    memberAliases: f.users.slice(before).map((u) => u.alias),
    ownerAliases: ['NestorW'],
  });
  f.accessReviews.push({
    id: LARGE_REVIEW_ID,
    displayName: 'Contractors 2026 - annual review',
    scope: { type: 'groupMembers', group: 'Contractors 2026', principals: 'allUsers' },
    reviewers: { type: 'singleUser', alias: 'NestorW' },
    recurrence: 'quarterly',
    instanceDurationInDays: 14,
    settings: {
      recommendationsEnabled: true,
      justificationRequiredOnApproval: true,
      defaultDecisionEnabled: true,
      defaultDecision: 'Recommendation',
      autoApplyDecisionsEnabled: false,
      reminderNotificationsEnabled: true,
      recommendationLookBackDuration: 'P30D',
    },
    currentInstance: { startedDaysAgo: 1, endsInDays: 13, status: 'InProgress' },
  });
  return fixture;
}
