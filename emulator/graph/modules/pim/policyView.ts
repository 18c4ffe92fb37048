import type { DirectoryView } from '../../routing';
import type { RolePolicy } from './model';

const target = (caller: string, level: string) => ({
  caller,
  operations: ['all'],
  level,
  inheritableSettings: [],
  enforcedSettings: [],
});

/** A role's policy as Graph's unifiedRoleManagementPolicy, with the end-user activation rules. */
export function policyView(p: RolePolicy, directory: DirectoryView) {
  const mail = (id: string) => directory.userById(id)?.mail ?? id;
  const enabled = [
    ...(p.requireMfa ? ['MultiFactorAuthentication'] : []),
    ...(p.requireJustification ? ['Justification'] : []),
    ...(p.requireTicket ? ['Ticketing'] : []),
  ];
  const approval = p.approverIds.length > 0;
  const notification = (recipientType: string, recipients: string[]) => ({
    '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyNotificationRule',
    id: `Notification_${recipientType}_EndUser_Assignment`,
    notificationType: 'Email',
    recipientType,
    notificationLevel: 'All',
    isDefaultRecipientsEnabled: true,
    notificationRecipients: recipients,
    target: target('EndUser', 'Assignment'),
  });
  return {
    id: p.id,
    displayName: 'DirectoryRole',
    description: 'DirectoryRole',
    isOrganizationDefault: false,
    scopeId: '/',
    scopeType: 'DirectoryRole',
    lastModifiedDateTime: null,
    lastModifiedBy: null,
    rules: [
      {
        '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyExpirationRule',
        id: 'Expiration_EndUser_Assignment',
        isExpirationRequired: true,
        maximumDuration: p.maximumDuration,
        target: target('EndUser', 'Assignment'),
      },
      {
        '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyEnablementRule',
        id: 'Enablement_EndUser_Assignment',
        enabledRules: enabled,
        target: target('EndUser', 'Assignment'),
      },
      {
        '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyApprovalRule',
        id: 'Approval_EndUser_Assignment',
        target: target('EndUser', 'Assignment'),
        setting: {
          isApprovalRequired: approval,
          isApprovalRequiredForExtension: false,
          isRequestorJustificationRequired: true,
          approvalMode: approval ? 'SingleStage' : 'NoApproval',
          approvalStages: [
            {
              approvalStageTimeOutInDays: 1,
              isApproverJustificationRequired: true,
              escalationTimeInMinutes: 0,
              isEscalationEnabled: false,
              primaryApprovers: p.approverIds.map((userId) => ({
                '@odata.type': '#microsoft.graph.singleUser',
                userId,
                description: directory.userById(userId)?.displayName,
              })),
              escalationApprovers: [],
            },
          ],
        },
      },
      {
        '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyAuthenticationContextRule',
        id: 'AuthenticationContext_EndUser_Assignment',
        isEnabled: !!p.authenticationContext,
        claimValue: p.authenticationContext ?? null,
        target: target('EndUser', 'Assignment'),
      },
      notification('Admin', p.notifyIds.map(mail)),
      notification('Requestor', []),
      notification('Approver', []),
    ],
  };
}
