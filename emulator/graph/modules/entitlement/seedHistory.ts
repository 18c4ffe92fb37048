import type { ModuleContext } from '../../routing';
import type { AssignmentRequest } from './model';
import type { EntitlementFixture } from './fixtureTypes';
import type { EntitlementState } from './state';
import type { Delivery } from './delivery';
import { ApprovalFlow } from './approvalFlow';
import { addDays } from '../governance/time';

/** The fixture's requests were made by the users themselves, through My Access. */
const MY_ACCESS = { appId: '00000000-0000-0000-0000-000000000000' };

/**
 * Seeds the fixture's history: existing assignments (with the requests that delivered them) and pending
 * requests, whose first stage starts when they were made so escalation and auto-denial count from then.
 */
export function seedHistory(
  ctx: ModuleContext,
  state: EntitlementState,
  delivery: Delivery,
  flow: ApprovalFlow,
): void {
  const fixture = ctx.fixture as unknown as EntitlementFixture;
  const now = ctx.clock.now();
  const resolve = (packageName: string, alias: string) => {
    const pkg = state.packageByName(packageName);
    const user = ctx.directory.userByAlias(alias);
    if (!pkg || !user) throw new Error(`Fixture: unknown package '${packageName}' or user '${alias}'`);
    return { pkgId: pkg.id, targetId: user.id };
  };
  const request = (
    pkgId: string,
    policyId: string,
    targetId: string,
    assignmentId: string,
    at: Date,
  ): AssignmentRequest => ({
    id: ctx.newId(),
    requestType: 'userAdd',
    state: 'submitted',
    status: 'Accepted',
    createdDateTime: at.toISOString(),
    completedDateTime: null,
    justification: null,
    accessPackageId: pkgId,
    policyId,
    targetId,
    createdBy: { ...MY_ACCESS, userId: targetId },
    assignmentId,
    schedule: {
      startDateTime: at.toISOString(),
      expiration: { ...state.policies.get(policyId)!.expiration },
    },
    answers: [],
    stages: [],
    dueAt: null,
  });

  for (const a of fixture.existingAssignments ?? []) {
    const { pkgId, targetId } = resolve(a.accessPackage, a.alias);
    const granted = addDays(now, -a.grantedDaysAgo);
    const id = ctx.newId();
    const end = a.expiresInDays === null ? null : addDays(now, a.expiresInDays).toISOString();
    const assignment = {
      id,
      accessPackageId: pkgId,
      policyId: a.policy,
      targetId,
      state: 'delivered' as const,
      status: 'Delivered',
      startDateTime: granted.toISOString(),
      expiration: { ...state.policies.get(a.policy)!.expiration, endDateTime: end },
      expiredDateTime: null,
    };
    state.assignments.set(id, assignment);
    delivery.grant(assignment);
    const history = {
      ...request(pkgId, a.policy, targetId, id, granted),
      state: 'delivered' as const,
      status: 'Delivered',
    };
    history.completedDateTime = granted.toISOString();
    state.requests.set(history.id, history);
  }
  for (const p of fixture.pendingRequests ?? []) {
    const { pkgId, targetId } = resolve(p.accessPackage, p.alias);
    const at = new Date(now.getTime() - p.requestedHoursAgo * 3_600_000);
    const pending = {
      ...request(pkgId, p.policy, targetId, ctx.newId(), at),
      justification: p.justification,
    };
    pending.stages = state.policies.get(p.policy)!.stages.map(() => ApprovalFlow.newStage(ctx.newId()));
    state.requests.set(pending.id, pending);
    flow.startStage(pending, 0, at);
  }
}
