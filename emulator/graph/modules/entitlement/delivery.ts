import type { DirectoryView } from '../../routing';
import type { Assignment, AssignmentRequest } from './model';
import type { EntitlementState } from './state';
import { addDuration } from '../governance/time';
import type { EntitlementAudit } from './audit';

/** Grants and withdraws an access package's resources: directory group memberships. */
export class Delivery {
  constructor(
    private readonly state: EntitlementState,
    private readonly directory: DirectoryView,
    private readonly audit: EntitlementAudit,
    private readonly delayMs: () => number,
  ) {}

  /** The request is approved (or needs no approval): delivered one processing delay after `at`. */
  begin(request: AssignmentRequest, at: Date): void {
    request.state = 'delivering';
    request.status = 'Delivering';
    request.dueAt = new Date(at.getTime() + this.delayMs()).toISOString();
  }

  /** Completes an approved (or approval-free) request at `now`. */
  deliver(request: AssignmentRequest, now: Date): void {
    const type = request.requestType.toLowerCase();
    if (type.endsWith('remove')) {
      const existing = this.state.assignments.get(request.assignmentId);
      if (existing) this.withdraw(existing, now, 'Removed');
    } else {
      const existing = this.state.assignments.get(request.assignmentId);
      const start = new Date(Math.max(now.getTime(), new Date(request.schedule.startDateTime).getTime()));
      const assignment: Assignment = existing ?? {
        id: request.assignmentId,
        accessPackageId: request.accessPackageId,
        policyId: request.policyId,
        targetId: request.targetId,
        state: 'delivered',
        status: 'Delivered',
        startDateTime: start.toISOString(),
        expiration: request.schedule.expiration,
        expiredDateTime: null,
      };
      assignment.state = 'delivered';
      assignment.status = 'Delivered';
      assignment.expiration = endOf(request.schedule.expiration, start);
      this.state.assignments.set(assignment.id, assignment);
      this.grant(assignment);
    }
    request.state = 'delivered';
    request.status = 'Delivered';
    request.completedDateTime = now.toISOString();
    request.dueAt = null;
    if (!type.endsWith('remove')) this.audit.delivered(request, now);
  }

  /** Adds the target to every group the package holds. */
  grant(assignment: Assignment): void {
    for (const groupId of this.groupsOf(assignment.accessPackageId))
      this.directory.addGroupMember(groupId, assignment.targetId);
  }

  /** Marks assignments whose end has passed as expired and takes their groups back. */
  expireDue(now: Date): void {
    for (const a of this.state.assignments.values()) {
      const end = a.expiration.endDateTime;
      if (a.state === 'delivered' && end && new Date(end) <= now) this.withdraw(a, new Date(end), 'Expired');
    }
  }

  private withdraw(assignment: Assignment, at: Date, status: string): void {
    assignment.state = 'expired';
    assignment.status = status;
    assignment.expiredDateTime = at.toISOString();
    this.audit.ended(assignment, status, at);
    for (const groupId of this.groupsOf(assignment.accessPackageId)) {
      if (!this.stillGranted(groupId, assignment.targetId))
        this.directory.removeGroupMember(groupId, assignment.targetId);
    }
  }

  /** Another delivered assignment of the same user may hold the same group. */
  private stillGranted(groupId: string, targetId: string): boolean {
    return [...this.state.assignments.values()].some(
      (a) =>
        a.state === 'delivered' &&
        a.targetId === targetId &&
        this.groupsOf(a.accessPackageId).includes(groupId),
    );
  }

  private groupsOf(accessPackageId: string): string[] {
    const pkg = this.state.packages.get(accessPackageId);
    return (pkg?.resources ?? []).flatMap((r) => (r.type === 'group' && r.groupId ? [r.groupId] : []));
  }
}

/** The concrete end of an expiration pattern that starts at `start`. */
export function endOf(expiration: AssignmentRequest['schedule']['expiration'], start: Date) {
  if (expiration.type === 'afterDuration' && expiration.duration) {
    return { ...expiration, endDateTime: addDuration(start, expiration.duration).toISOString() };
  }
  return { ...expiration };
}
