import type { ApproverResolver } from '../approvals/approverResolver';
import type { Person } from '../approvals/model';
import type { PimGateway, RoleActivationPolicy } from '../ports/pim';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowStore } from '../ports/workflowStore';
import { NotEligibleError } from './errors';
import { PIM_ACTIVATION, type PimActivationData } from './model';

/** One role the user may activate, with what its policy asks. */
export interface EligibleRoleView {
  roleId: string;
  roleName: string;
  directoryScopeId: string;
  /** undefined: permanently eligible. */
  eligibleUntil?: string;
}

/** One role the user holds now. */
export interface ActiveRoleView {
  roleId: string;
  roleName: string;
  directoryScopeId: string;
  startDateTime?: string;
  endDateTime?: string;
  /** Activated through PIM (can be deactivated); false for a permanent assignment. */
  activated: boolean;
}

/** The "my roles" list: what the user may activate, what they hold, what waits. */
export interface MyRoles {
  eligible: EligibleRoleView[];
  active: ActiveRoleView[];
  /** Activations of the bot's waiting for approval or sign-in. */
  waiting: { itemId: string; roleName: string; state: string }[];
}

/** The activation card's model: the role and its policy as the user must meet it. */
export interface ActivationForm {
  roleId: string;
  roleName: string;
  directoryScopeId: string;
  policy: RoleActivationPolicy;
  approvers: Person[];
}

const roleName = (r: { roleName?: string; roleDefinitionId: string }) => r.roleName ?? r.roleDefinitionId;

/** Reads the user's eligible and active roles (as the user) and a role's policy (app-only). */
export class PimRoles {
  constructor(
    private readonly deps: { pim: PimGateway; resolver: ApproverResolver; workflows: WorkflowStore },
  ) {}

  /** Eligible and active roles, as the user sees them in Graph (filterByCurrentUser). */
  async mine(who: DelegatedIdentity): Promise<MyRoles> {
    const { pim, workflows } = this.deps;
    const [eligible, active, items] = await Promise.all([
      pim.myEligibleRoles(who),
      pim.myActiveRoles(who),
      workflows.find<PimActivationData>({
        kind: PIM_ACTIVATION,
        subject: who.userId,
        states: ['submitted', 'pendingApproval', 'delivering'],
        limit: 20,
      }),
    ]);
    return {
      eligible: eligible.map((e) => ({
        roleId: e.roleDefinitionId,
        roleName: roleName(e),
        directoryScopeId: e.directoryScopeId,
        eligibleUntil: e.endDateTime,
      })),
      active: active.map((a) => ({
        roleId: a.roleDefinitionId,
        roleName: roleName(a),
        directoryScopeId: a.directoryScopeId,
        startDateTime: a.startDateTime,
        endDateTime: a.endDateTime,
        activated: a.assignmentType === 'Activated',
      })),
      waiting: items
        .filter((i) => i.data.requesterId === who.userId)
        .map((i) => ({ itemId: i.id, roleName: i.data.role.displayName, state: i.state })),
    };
  }

  /** The activation card's model; NotEligibleError when the user may not activate the role. */
  async form(who: DelegatedIdentity, roleId: string): Promise<ActivationForm> {
    const eligible = (await this.deps.pim.myEligibleRoles(who)).find((e) => e.roleDefinitionId === roleId);
    if (!eligible) throw new NotEligibleError('You are not eligible for this role (any more).');
    const policy = await this.deps.pim.activationPolicy(roleId);
    const approvers = policy.requireApproval
      ? (await this.deps.resolver.resolve(policy.approvers, who.userId)).filter((p) => p.id !== who.userId)
      : [];
    return {
      roleId,
      roleName: roleName(eligible),
      directoryScopeId: eligible.directoryScopeId,
      policy,
      approvers,
    };
  }
}
