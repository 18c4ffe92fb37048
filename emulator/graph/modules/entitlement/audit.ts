import type { AuditSink, DirectoryView } from '../../routing';
import type { Assignment, AssignmentRequest } from './model';
import type { EntitlementState } from './state';

/**
 * Writes entitlement management events to the directory audit log (category `EntitlementManagement`),
 * with activity names as the Entra audit log shows them. No-op when the core gives no sink (unit tests).
 */
export class EntitlementAudit {
  constructor(
    private readonly state: EntitlementState,
    private readonly directory: DirectoryView,
    private readonly sink: AuditSink | undefined,
  ) {}

  requested(r: AssignmentRequest, at: Date): void {
    this.write(
      'User requests access package assignment',
      r.createdBy.userId,
      r.accessPackageId,
      r.targetId,
      at,
      r.justification,
    );
  }

  decided(
    r: AssignmentRequest,
    approverId: string,
    result: 'Approve' | 'Deny',
    at: Date,
    justification: string | null,
  ): void {
    const name =
      result === 'Approve'
        ? 'Approve access package assignment request'
        : 'Deny access package assignment request';
    this.write(name, approverId, r.accessPackageId, r.targetId, at, justification);
  }

  delivered(r: AssignmentRequest, at: Date): void {
    this.write('Fulfill access package assignment', undefined, r.accessPackageId, r.targetId, at, null);
  }

  ended(a: Assignment, status: string, at: Date): void {
    const name =
      status === 'Expired' ? 'Access package assignment expired' : 'Remove access package assignment'; // (u) first name
    this.write(name, undefined, a.accessPackageId, a.targetId, at, null);
  }

  private write(
    name: string,
    actorId: string | undefined,
    packageId: string,
    targetId: string,
    at: Date,
    reason: string | null,
  ): void {
    if (!this.sink) return;
    const actor = actorId ? this.directory.userById(actorId) : undefined;
    const target = this.directory.userById(targetId);
    const pkg = this.state.packages.get(packageId);
    this.sink.append({
      category: 'EntitlementManagement',
      activityDisplayName: name,
      activityDateTime: at.toISOString(),
      loggedByService: 'Entitlement Management',
      operationType: name.startsWith('Remove') || name.endsWith('expired') ? 'Delete' : 'Add',
      resultReason: reason ?? '',
      initiatedBy: actor
        ? {
            user: {
              id: actor.id,
              userPrincipalName: actor.userPrincipalName,
              displayName: actor.displayName,
            },
          }
        : {
            app: {
              appId: '810dcf14-1858-4bf2-8134-4c369fa3235b',
              displayName: 'Azure AD Identity Governance - Entitlement Management',
            },
          }, // (u) app id
      targetResources: [
        { id: packageId, displayName: pkg?.displayName, type: 'AccessPackage' },
        { id: targetId, displayName: target?.displayName, type: 'User' },
      ],
    });
  }
}
