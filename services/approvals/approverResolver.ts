import type { DirectoryGateway } from '../ports/directory';
import type { ApprovalStageSettings, ApproverRef } from '../ports/entitlement';
import { NotFoundError } from '../ports/graphErrors';
import type { Person, StageRecord } from './model';

/**
 * Turns a policy's approval stages into people, as Entra does: the primary approvers, or the fallback
 * approvers when no primary one resolves (e.g. the requester has no manager); escalation approvers
 * likewise. The requester is never their own approver.
 */
export class ApproverResolver {
  constructor(private readonly directory: DirectoryGateway) {}

  /** Stage records (not started) for the requester, approvers resolved now. */
  async stages(settings: ApprovalStageSettings[], requesterId: string): Promise<StageRecord[]> {
    const out: StageRecord[] = [];
    for (const [index, s] of settings.entries()) {
      const primary = await this.resolve(s.primaryApprovers, requesterId);
      const approvers =
        primary.length > 0 ? primary : await this.resolve(s.fallbackPrimaryApprovers, requesterId);
      let escalationApprovers: Person[] = [];
      if (s.isEscalationEnabled) {
        escalationApprovers = await this.resolve(s.escalationApprovers, requesterId);
        if (escalationApprovers.length === 0) {
          escalationApprovers = await this.resolve(s.fallbackEscalationApprovers, requesterId);
        }
      }
      out.push({
        index,
        state: 'NotStarted',
        approvers,
        usedFallback: primary.length === 0 && approvers.length > 0,
        escalationApprovers: escalationApprovers.filter((p) => !approvers.some((a) => a.id === p.id)),
        escalated: false,
        reasonRequired: s.isApproverJustificationRequired,
        decideWithin: s.durationBeforeAutomaticDenial,
        escalateAfter: s.isEscalationEnabled ? s.durationBeforeEscalation : undefined,
      });
    }
    return out;
  }

  /** The people a list of approver references stands for, requester excluded, each once. */
  async resolve(refs: ApproverRef[], requesterId: string): Promise<Person[]> {
    const people = new Map<string, Person>();
    const add = (p: Person) => p.id !== requesterId && people.set(p.id, p);
    const userIds = refs.flatMap((r) => (r.kind === 'user' ? [r.userId] : []));
    if (userIds.length > 0) {
      for (const u of (await this.directory.getUsers(userIds)).values()) add(u);
    }
    for (const ref of refs) {
      if (ref.kind === 'groupMembers') {
        for (const u of await this.orEmpty(this.directory.groupMembers(ref.groupId))) add(u);
      } else if (ref.kind === 'requestorManager') {
        const manager = await this.manager(requesterId, Math.max(1, ref.managerLevel));
        if (manager) add(manager);
      }
    }
    return [...people.values()].map(({ id, displayName }) => ({ id, displayName }));
  }

  private async manager(userId: string, level: number): Promise<Person | undefined> {
    let current: Person | undefined = { id: userId, displayName: '' };
    for (let i = 0; i < level && current; i++) {
      const user: { manager?: Person } | undefined = await this.orUndefined(
        this.directory.getUser(current.id),
      );
      current = user?.manager;
    }
    return current;
  }

  private async orEmpty<T>(p: Promise<T[]>): Promise<T[]> {
    return (await this.orUndefined(p)) ?? [];
  }

  // A deleted user or group resolves to nobody, which is what sends Entra to the fallback approvers.
  private async orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
    try {
      return await p;
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }
}
