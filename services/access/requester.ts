import type { Requester } from '../approvals/model';
import type { DirectoryGateway } from '../ports/directory';

/** The requester as approvers' cards show them: name, job, department and manager (app-only read). */
export async function requesterOf(directory: DirectoryGateway, userId: string): Promise<Requester> {
  const u = await directory.getUser(userId);
  return {
    id: u.id,
    displayName: u.displayName,
    department: u.department,
    jobTitle: u.jobTitle,
    manager: u.manager,
  };
}
