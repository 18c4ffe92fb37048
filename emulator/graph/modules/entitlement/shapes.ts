import type { ShapeRegistry } from '../governance/shape';

/**
 * Entitlement management types of Graph v1.0 (resources/accesspackage*.md, approval.md): what `$select`
 * and `$expand` may name, and what an answer carries. A request has accessPackage, assignment and
 * requestor only, so `assignmentRequests?$expand=target` is a 400, as in Graph.
 */
export const EM_SHAPES: ShapeRegistry = {
  accessPackage: {
    type: 'microsoft.graph.accessPackage',
    properties: ['createdDateTime', 'description', 'displayName', 'id', 'isHidden', 'modifiedDateTime'],
    navigation: { assignmentPolicies: 'policy', catalog: 'catalog', resourceRoleScopes: 'roleScope' },
  },
  roleScope: {
    type: 'microsoft.graph.accessPackageResourceRoleScope',
    properties: ['createdDateTime', 'id'],
    navigation: { role: undefined, scope: undefined },
  },
  catalog: {
    type: 'microsoft.graph.accessPackageCatalog',
    properties: [
      'catalogType',
      'createdDateTime',
      'description',
      'displayName',
      'id',
      'isExternallyVisible',
      'modifiedDateTime',
      'state',
    ],
    navigation: {},
  },
  policy: {
    type: 'microsoft.graph.accessPackageAssignmentPolicy',
    properties: [
      'allowedTargetScope',
      'automaticRequestSettings',
      'createdDateTime',
      'description',
      'displayName',
      'expiration',
      'id',
      'modifiedDateTime',
      'requestApprovalSettings',
      'requestorSettings',
      'reviewSettings',
      'specificAllowedTargets',
    ],
    navigation: { accessPackage: 'accessPackage', catalog: 'catalog', questions: undefined },
  },
  request: {
    type: 'microsoft.graph.accessPackageAssignmentRequest',
    properties: [
      'answers',
      'completedDateTime',
      'createdDateTime',
      'customExtensionCalloutInstances',
      'id',
      'justification',
      'requestType',
      'schedule',
      'state',
      'status',
    ],
    navigation: { accessPackage: 'accessPackage', assignment: 'assignment', requestor: 'subject' },
  },
  assignment: {
    type: 'microsoft.graph.accessPackageAssignment',
    properties: ['customExtensionCalloutInstances', 'expiredDateTime', 'id', 'schedule', 'state', 'status'],
    navigation: { accessPackage: 'accessPackage', assignmentPolicy: 'policy', target: 'subject' },
  },
  subject: {
    type: 'microsoft.graph.accessPackageSubject',
    properties: ['displayName', 'email', 'id', 'objectId', 'principalName', 'subjectType'],
    navigation: { connectedOrganization: undefined },
  },
  approval: {
    type: 'microsoft.graph.approval',
    properties: ['id'],
    navigation: { stages: 'approvalStage' },
  },
  approvalStage: {
    type: 'microsoft.graph.approvalStage',
    properties: [
      'assignedToMe',
      'displayName',
      'id',
      'justification',
      'reviewedBy',
      'reviewedDateTime',
      'reviewResult',
      'status',
    ],
    navigation: {},
  },
};
