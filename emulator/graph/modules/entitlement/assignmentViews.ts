import type { DirectoryView } from '../../routing';
import type { Assignment, AssignmentRequest } from './model';
import type { EntitlementState } from './state';

/** Serialises requests and assignments to Graph v1.0 JSON; navigation properties are trimmed by the routes. */
export class AssignmentViews {
  constructor(
    private readonly state: EntitlementState,
    private readonly directory: DirectoryView,
  ) {}

  request(r: AssignmentRequest) {
    const pkg = this.state.packages.get(r.accessPackageId)!;
    const assignment = this.state.assignments.get(r.assignmentId);
    const requestor = r.createdBy.userId ? this.subject(r.createdBy.userId) : null;
    return {
      id: r.id,
      requestType: r.requestType,
      state: r.state,
      status: r.status,
      createdDateTime: r.createdDateTime,
      completedDateTime: r.completedDateTime,
      justification: r.justification,
      schedule: { ...r.schedule, recurrence: null },
      answers: r.answers,
      customExtensionCalloutInstances: [],
      accessPackage: {
        id: pkg.id,
        displayName: pkg.displayName,
        description: pkg.description,
        isHidden: false,
      },
      assignment: assignment
        ? this.assignment(assignment)
        : {
            id: r.assignmentId,
            targetId: r.targetId,
            accessPackageId: r.accessPackageId,
            assignmentPolicyId: r.policyId,
            state: null,
          },
      requestor,
      // Not Graph properties: they let `$filter` reach the target and policy, as the beta API does.
      target: this.subject(r.targetId),
    };
  }

  assignment(a: Assignment) {
    const pkg = this.state.packages.get(a.accessPackageId)!;
    const policy = this.state.policies.get(a.policyId)!;
    return {
      id: a.id,
      state: a.state,
      status: a.status,
      expiredDateTime: a.expiredDateTime,
      schedule: { startDateTime: a.startDateTime, recurrence: null, expiration: a.expiration },
      customExtensionCalloutInstances: [],
      targetId: a.targetId,
      accessPackageId: a.accessPackageId,
      assignmentPolicyId: a.policyId,
      target: this.subject(a.targetId),
      accessPackage: {
        id: pkg.id,
        displayName: pkg.displayName,
        description: pkg.description,
        isHidden: false,
      },
      assignmentPolicy: {
        id: policy.id,
        displayName: policy.displayName,
        description: policy.description,
        expiration: policy.expiration,
      },
    };
  }

  /** An accessPackageSubject for a directory user. */
  subject(userId: string) {
    const u = this.directory.userById(userId);
    return {
      id: userId,
      objectId: userId,
      displayName: u?.displayName ?? null,
      email: u?.mail ?? null,
      principalName: u?.userPrincipalName ?? null,
      subjectType: 'user',
      connectedOrganization: null,
    };
  }
}
