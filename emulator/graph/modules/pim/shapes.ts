import type { ShapeRegistry } from '../governance/shape';

const SCOPE = ['appScopeId', 'directoryScopeId', 'id', 'principalId', 'roleDefinitionId'];
const NAV = { appScope: undefined, directoryScope: undefined, principal: undefined, roleDefinition: 'role' };

/**
 * PIM types of Graph v1.0 (resources/unifiedrole*.md): what `$select` and `$expand` may name, and what
 * an answer carries (the policy's rules only when expanded: `$expand=policy($expand=rules)`).
 */
export const PIM_SHAPES: ShapeRegistry = {
  role: {
    type: 'microsoft.graph.unifiedRoleDefinition',
    properties: [
      'description',
      'displayName',
      'id',
      'isBuiltIn',
      'isEnabled',
      'resourceScopes',
      'rolePermissions',
      'templateId',
      'version',
    ],
    navigation: { inheritsPermissionsFrom: undefined },
  },
  eligibilityInstance: {
    type: 'microsoft.graph.unifiedRoleEligibilityScheduleInstance',
    properties: [...SCOPE, 'endDateTime', 'memberType', 'roleEligibilityScheduleId', 'startDateTime'],
    navigation: NAV,
  },
  eligibilitySchedule: {
    type: 'microsoft.graph.unifiedRoleEligibilitySchedule',
    properties: [
      ...SCOPE,
      'createdDateTime',
      'createdUsing',
      'memberType',
      'modifiedDateTime',
      'scheduleInfo',
      'status',
    ],
    navigation: NAV,
  },
  assignmentInstance: {
    type: 'microsoft.graph.unifiedRoleAssignmentScheduleInstance',
    properties: [
      ...SCOPE,
      'assignmentType',
      'endDateTime',
      'memberType',
      'roleAssignmentOriginId',
      'roleAssignmentScheduleId',
      'startDateTime',
    ],
    navigation: { ...NAV, activatedUsing: undefined },
  },
  assignmentSchedule: {
    type: 'microsoft.graph.unifiedRoleAssignmentSchedule',
    properties: [
      ...SCOPE,
      'assignmentType',
      'createdDateTime',
      'createdUsing',
      'memberType',
      'modifiedDateTime',
      'scheduleInfo',
      'status',
    ],
    navigation: { ...NAV, activatedUsing: undefined },
  },
  request: {
    type: 'microsoft.graph.unifiedRoleAssignmentScheduleRequest',
    properties: [
      ...SCOPE,
      'action',
      'approvalId',
      'completedDateTime',
      'createdBy',
      'createdDateTime',
      'customData',
      'isValidationOnly',
      'justification',
      'scheduleInfo',
      'status',
      'targetScheduleId',
      'ticketInfo',
    ],
    navigation: { ...NAV, activatedUsing: undefined, targetSchedule: undefined },
  },
  policyAssignment: {
    type: 'microsoft.graph.unifiedRoleManagementPolicyAssignment',
    properties: ['id', 'policyId', 'roleDefinitionId', 'scopeId', 'scopeType'],
    navigation: { policy: 'policy' },
  },
  policy: {
    type: 'microsoft.graph.unifiedRoleManagementPolicy',
    properties: [
      'description',
      'displayName',
      'id',
      'isOrganizationDefault',
      'lastModifiedBy',
      'lastModifiedDateTime',
      'scopeId',
      'scopeType',
    ],
    navigation: { effectiveRules: undefined, rules: undefined },
  },
  approval: {
    type: 'microsoft.graph.approval',
    properties: ['id'],
    navigation: { steps: undefined },
  },
};
