import type { DirectoryView } from '../../routing';
import type { Activation, Eligibility, PimApproval, RoleDefinition, ScheduleRequest } from './model';
import type { PimState } from './state';

/** Serialises PIM objects to Graph JSON, carrying every navigation property the routes may expand. */
export class PimViews {
  constructor(
    private readonly state: PimState,
    private readonly directory: DirectoryView,
  ) {}

  role(r: RoleDefinition) {
    return {
      id: r.id,
      displayName: r.displayName,
      description: r.displayName,
      isBuiltIn: true,
      isEnabled: true,
      templateId: r.id,
      version: '1',
      rolePermissions: [],
    };
  }

  principal(id: string) {
    const u = this.directory.userById(id);
    return {
      '@odata.type': '#microsoft.graph.user',
      id,
      displayName: u?.displayName ?? null,
      userPrincipalName: u?.userPrincipalName ?? null,
      mail: u?.mail ?? null,
    };
  }

  private common(principalId: string, roleDefinitionId: string) {
    return {
      principalId,
      roleDefinitionId,
      directoryScopeId: '/',
      appScopeId: null,
      memberType: 'Direct',
      roleDefinition: this.role(this.state.roles.get(roleDefinitionId)!),
      principal: this.principal(principalId),
    };
  }

  eligibilitySchedule(e: Eligibility) {
    return {
      id: e.id,
      ...this.common(e.principalId, e.roleDefinitionId),
      status: 'Provisioned',
      createdUsing: e.id,
      createdDateTime: e.createdDateTime,
      modifiedDateTime: null,
      scheduleInfo: {
        startDateTime: e.startDateTime,
        recurrence: null,
        expiration: e.endDateTime
          ? { type: 'afterDateTime', endDateTime: e.endDateTime, duration: null }
          : { type: 'noExpiration', endDateTime: null, duration: null },
      },
    };
  }

  eligibilityInstance(e: Eligibility) {
    return {
      id: e.id,
      ...this.common(e.principalId, e.roleDefinitionId),
      startDateTime: e.startDateTime,
      endDateTime: e.endDateTime,
      roleEligibilityScheduleId: e.id,
    };
  }

  assignmentInstance(a: Activation) {
    return {
      id: a.id,
      ...this.common(a.principalId, a.roleDefinitionId),
      startDateTime: a.startDateTime,
      endDateTime: a.endDateTime,
      assignmentType: 'Activated',
      roleAssignmentOriginId: a.id,
      roleAssignmentScheduleId: a.id,
    };
  }

  assignmentSchedule(a: Activation) {
    return {
      id: a.id,
      ...this.common(a.principalId, a.roleDefinitionId),
      assignmentType: 'Activated',
      status: 'Provisioned',
      createdUsing: a.eligibilityId,
      createdDateTime: a.startDateTime,
      modifiedDateTime: null,
      scheduleInfo: {
        startDateTime: a.startDateTime,
        recurrence: null,
        expiration: { type: 'afterDateTime', endDateTime: a.endDateTime, duration: null },
      },
    };
  }

  request(r: ScheduleRequest) {
    return {
      id: r.id,
      action: r.action,
      principalId: r.principalId,
      roleDefinitionId: r.roleDefinitionId,
      directoryScopeId: r.directoryScopeId,
      appScopeId: null,
      justification: r.justification,
      isValidationOnly: r.isValidationOnly,
      targetScheduleId: r.targetScheduleId,
      status: r.status,
      createdDateTime: r.createdDateTime,
      completedDateTime: r.completedDateTime,
      approvalId: r.approvalId,
      createdUsing: r.targetScheduleId,
      ticketInfo: r.ticketInfo,
      scheduleInfo: {
        startDateTime: r.scheduleInfo.startDateTime,
        recurrence: null,
        expiration: r.scheduleInfo.expiration,
      },
      createdBy: {
        application: null,
        device: null,
        user: { id: r.createdById, displayName: this.directory.userById(r.createdById)?.displayName ?? null },
      },
      roleDefinition: this.role(this.state.roles.get(r.roleDefinitionId)!),
      principal: this.principal(r.principalId),
    };
  }

  approval(a: PimApproval, me: string) {
    return {
      id: a.id,
      steps: a.steps.map((s) => ({
        id: s.id,
        displayName: null,
        status: s.status,
        assignedToMe: s.status === 'InProgress' && s.approverIds.includes(me),
        reviewResult: s.reviewResult,
        justification: s.justification,
        reviewedBy: s.reviewedBy,
        reviewedDateTime: s.reviewedDateTime,
      })),
    };
  }
}
