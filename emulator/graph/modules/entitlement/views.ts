import type { AccessPackage, AssignmentPolicy, Catalog } from './model';
import type { EntitlementState } from './state';

/** Serialises catalogs, packages and policies to Graph v1.0 JSON, with every navigation property the routes may expand. */
export class EntitlementViews {
  constructor(private readonly state: EntitlementState) {}

  catalog(c: Catalog) {
    return {
      id: c.id,
      displayName: c.displayName,
      description: c.description,
      catalogType: 'userManaged',
      state: 'published',
      isExternallyVisible: true,
      createdDateTime: c.createdDateTime,
      modifiedDateTime: c.createdDateTime,
    };
  }

  accessPackage(p: AccessPackage) {
    return {
      id: p.id,
      displayName: p.displayName,
      description: p.description,
      isHidden: false,
      createdDateTime: p.createdDateTime,
      modifiedDateTime: p.createdDateTime,
      catalog: this.catalog(this.state.catalogs.get(p.catalogId)!),
      assignmentPolicies: this.state.policiesOf(p.id).map((x) => this.policy(x)),
      resourceRoleScopes: p.resources.map((r, i) => {
        const originId = r.groupId ?? `${p.id}-${i}`;
        const originSystem =
          r.type === 'group'
            ? 'AadGroup'
            : r.type === 'sharePointSite'
              ? 'SharePointOnline'
              : 'AadApplication';
        return {
          id: `${originId}_${r.role}`,
          createdDateTime: p.createdDateTime,
          role: {
            id: `${originId}_${r.role}`,
            displayName: r.role,
            originId: `${r.role}_${originId}`,
            originSystem,
          },
          scope: { id: originId, displayName: r.displayName, originId, originSystem, isRootScope: true },
        };
      }),
    };
  }

  policy(p: AssignmentPolicy) {
    const pkg = this.state.packages.get(p.accessPackageId)!;
    return {
      id: p.id,
      displayName: p.displayName,
      description: p.description,
      allowedTargetScope: p.allowedTargetScope,
      specificAllowedTargets: p.specificAllowedTargets,
      automaticRequestSettings: null,
      expiration: p.expiration,
      requestorSettings: {
        enableTargetsToSelfAddAccess: true,
        enableTargetsToSelfUpdateAccess: p.extension.enabled,
        enableTargetsToSelfRemoveAccess: true,
        allowCustomAssignmentSchedule: p.allowCustomAssignmentSchedule,
        enableOnBehalfRequestorsToAddAccess: false,
        enableOnBehalfRequestorsToUpdateAccess: false,
        enableOnBehalfRequestorsToRemoveAccess: false,
        onBehalfRequestors: [],
      },
      requestApprovalSettings: {
        isApprovalRequiredForAdd: p.stages.length > 0,
        isApprovalRequiredForUpdate: p.stages.length > 0 && p.extension.requiresApproval,
        stages: p.stages,
      },
      reviewSettings: null,
      questions: p.questions,
      createdDateTime: p.createdDateTime,
      modifiedDateTime: p.createdDateTime,
      accessPackage: {
        id: pkg.id,
        displayName: pkg.displayName,
        description: pkg.description,
        isHidden: false,
      },
      catalog: this.catalog(this.state.catalogs.get(p.catalogId)!),
    };
  }

  /** One entry of getApplicablePolicyRequirements. */
  requirements(p: AssignmentPolicy) {
    return {
      policyId: p.id,
      policyDisplayName: p.displayName,
      policyDescription: p.description,
      isApprovalRequiredForAdd: p.stages.length > 0,
      isApprovalRequiredForUpdate: p.stages.length > 0 && p.extension.requiresApproval,
      isRequestorJustificationRequired: p.isRequestorJustificationRequired,
      allowCustomAssignmentSchedule: p.allowCustomAssignmentSchedule,
      questions: p.questions,
      existingAnswers: [],
      schedule: { startDateTime: null, recurrence: null, expiration: p.expiration },
    };
  }
}
