import type { DirectoryView, EmulatedUser } from '../../routing';
import type { AssignmentPolicy } from './model';
import type { EntitlementState } from './state';

/** Whether `user` is among a policy's allowed requestors (allowedTargetScope + specificAllowedTargets). */
export function mayRequest(
  policy: AssignmentPolicy,
  user: EmulatedUser,
  state: EntitlementState,
  directory: DirectoryView,
): boolean {
  switch (policy.allowedTargetScope) {
    case 'allMemberUsers':
      return user.userType === 'Member';
    case 'allDirectoryUsers':
      return true;
    case 'allExternalUsers':
      return user.userType === 'Guest';
    case 'specificDirectoryUsers':
    case 'specificConnectedOrganizationUsers':
      return policy.specificAllowedTargets.some((t) => {
        if (t['@odata.type'] === '#microsoft.graph.singleUser') return t.userId === user.id;
        if (t['@odata.type'] === '#microsoft.graph.groupMembers') {
          return !!t.groupId && directory.groupMemberIds(t.groupId).includes(user.id);
        }
        if (t['@odata.type'] === '#microsoft.graph.connectedOrganizationMembers') {
          const org = state.connectedOrganizations.find((o) => o.id === t.connectedOrganizationId);
          return !!org && user.userType === 'Guest' && domainsOf(user).includes(org.domain.toLowerCase());
        }
        return false;
      });
    default:
      return false;
  }
}

function domainsOf(user: EmulatedUser): string[] {
  return [user.userPrincipalName, user.mail].map((a) => (a ?? '').split('@')[1]?.toLowerCase() ?? '');
}
