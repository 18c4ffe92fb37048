import type {
  Activation,
  Eligibility,
  PimApproval,
  RoleDefinition,
  RolePolicy,
  ScheduleRequest,
} from './model';

/** All PIM objects of one emulator instance. */
export class PimState {
  readonly roles = new Map<string, RoleDefinition>();
  readonly policies = new Map<string, RolePolicy>();
  readonly eligibilities = new Map<string, Eligibility>();
  readonly activations = new Map<string, Activation>();
  readonly requests = new Map<string, ScheduleRequest>();
  readonly approvals = new Map<string, PimApproval>();

  policyFor(roleDefinitionId: string): RolePolicy | undefined {
    return [...this.policies.values()].find((p) => p.roleDefinitionId === roleDefinitionId);
  }

  /** The principal's eligibility for a role that is in force at `now`. */
  eligibilityAt(principalId: string, roleDefinitionId: string, now: Date): Eligibility | undefined {
    return [...this.eligibilities.values()].find(
      (e) =>
        e.principalId === principalId &&
        e.roleDefinitionId === roleDefinitionId &&
        inForce(e.startDateTime, e.endDateTime, now),
    );
  }

  /** The principal's activation of a role in force at some time in [start, end) (at least at `start`). */
  activationOverlapping(principalId: string, roleDefinitionId: string, start: Date, end: Date) {
    const until = end > start ? end : new Date(start.getTime() + 1);
    return [...this.activations.values()].find(
      (a) =>
        a.principalId === principalId &&
        a.roleDefinitionId === roleDefinitionId &&
        overlapping(a, start, until),
    );
  }

  /** The principal's activation of a role that is in force at `now`. */
  activationAt(principalId: string, roleDefinitionId: string, now: Date): Activation | undefined {
    return [...this.activations.values()].find(
      (a) =>
        a.principalId === principalId &&
        a.roleDefinitionId === roleDefinitionId &&
        inForce(a.startDateTime, a.endDateTime, now),
    );
  }
}

/** The principal's activation of a role in force at any time in [start, end). */
export function overlapping(
  a: { startDateTime: string; endDateTime: string },
  start: Date,
  end: Date,
): boolean {
  return new Date(a.startDateTime) < end && start < new Date(a.endDateTime);
}

/** start <= now < end (no end = forever). */
export function inForce(start: string, end: string | null, now: Date): boolean {
  return new Date(start) <= now && (end === null || now < new Date(end));
}
