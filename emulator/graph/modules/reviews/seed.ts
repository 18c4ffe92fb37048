import type { ModuleContext } from '../../routing';
import { ReviewState, type ReviewDefinition, type ReviewSettings } from './model';
import { addDays } from '../governance/time';

interface ReviewFixture {
  accessReviews?: {
    id: string;
    displayName: string;
    scope: { type: 'groupMembers'; group: string; principals: 'allUsers' | 'guestsOnly' };
    reviewers: { type: 'groupOwners' | 'singleUser'; alias?: string };
    recurrence: ReviewDefinition['recurrence'];
    instanceDurationInDays: number;
    settings: ReviewSettings;
    currentInstance?: { startedDaysAgo: number; endsInDays: number; status: string };
  }[];
}

/** Builds definitions and their current instances (reviewers and decision items resolved at start). */
export function seedReviews(ctx: ModuleContext): ReviewState {
  const state = new ReviewState();
  const now = ctx.clock.now();
  for (const r of (ctx.fixture as unknown as ReviewFixture).accessReviews ?? []) {
    const group = ctx.directory.groupByName(r.scope.group);
    if (!group) throw new Error(`Fixture: unknown group '${r.scope.group}'`);
    const reviewer =
      r.reviewers.type === 'singleUser' ? ctx.directory.userByAlias(r.reviewers.alias ?? '') : undefined;
    if (r.reviewers.type === 'singleUser' && !reviewer)
      throw new Error(`Fixture: unknown reviewer '${r.reviewers.alias}'`);
    const def: ReviewDefinition = {
      id: r.id,
      displayName: r.displayName,
      groupId: group.id,
      principals: r.scope.principals,
      reviewers: reviewer ? { type: 'singleUser', userId: reviewer.id } : { type: 'groupOwners' },
      recurrence: r.recurrence,
      instanceDurationInDays: r.instanceDurationInDays,
      settings: r.settings,
      createdDateTime: addDays(now, -180).toISOString(),
    };
    state.definitions.set(def.id, def);
    if (!r.currentInstance) continue;
    const id = ctx.newId();
    const reviewerIds = reviewer ? [reviewer.id] : ctx.directory.groupOwnerIds(group.id);
    state.instances.set(id, {
      id,
      definitionId: def.id,
      status: 'InProgress',
      reviewerIds,
      remindersSent: 0,
      startDateTime: addDays(now, -r.currentInstance.startedDaysAgo).toISOString(),
      endDateTime: addDays(now, r.currentInstance.endsInDays).toISOString(),
    });
    for (const principalId of ctx.directory.groupMemberIds(group.id)) {
      const user = ctx.directory.userById(principalId);
      if (!user || (def.principals === 'guestsOnly' && user.userType !== 'Guest')) continue;
      const itemId = ctx.newId();
      state.decisions.set(itemId, {
        id: itemId,
        instanceId: id,
        principalId,
        decision: 'NotReviewed',
        justification: null,
        reviewedBy: null,
        reviewedDateTime: null,
        appliedDateTime: null,
        applyResult: 'New',
      });
    }
  }
  return state;
}
