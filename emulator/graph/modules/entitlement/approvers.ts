import type { DirectoryView } from '../../routing';
import type { SubjectSet } from './model';

/**
 * Resolves approver subject sets to enabled user ids for one request: single users, group members and
 * the requestor's manager chain. The requestor is never among them (nobody approves their own request).
 */
export function resolveApprovers(
  sets: SubjectSet[],
  requestorId: string,
  directory: DirectoryView,
): string[] {
  const ids = new Set<string>();
  for (const set of sets) {
    const type = set['@odata.type'];
    if (type === '#microsoft.graph.singleUser' && set.userId) ids.add(set.userId);
    else if (type === '#microsoft.graph.groupMembers' && set.groupId) {
      directory.groupMemberIds(set.groupId).forEach((id) => ids.add(id));
    } else if (type === '#microsoft.graph.requestorManager') {
      const manager = managerAt(requestorId, set.managerLevel ?? 1, directory);
      if (manager) ids.add(manager);
    }
  }
  return [...ids].filter((id) => id !== requestorId && directory.userById(id)?.accountEnabled !== false);
}

function managerAt(userId: string, level: number, directory: DirectoryView): string | undefined {
  let current: string | undefined = userId;
  for (let i = 0; i < level && current; i++) current = directory.userById(current)?.managerId;
  return current;
}
