import type { AuditSink, DirectoryView } from '../../routing';
import type { Activation, ScheduleRequest } from './model';
import type { PimState } from './state';

/**
 * Writes role activations and deactivations to the directory audit log (category `RoleManagement`), in
 * the shape the core seeds past activations with, so the digest reads both alike.
 */
export class PimAudit {
  constructor(
    private readonly state: PimState,
    private readonly directory: DirectoryView,
    private readonly sink: AuditSink | undefined,
  ) {}

  activated(request: ScheduleRequest, activation: Activation): void {
    this.write(
      'Add member to role completed (PIM activation)',
      'Assign',
      request,
      activation,
      activation.startDateTime,
    );
  }

  deactivated(request: ScheduleRequest, activation: Activation): void {
    this.write(
      'Remove member from role completed (PIM deactivate)',
      'Unassign',
      request,
      activation,
      activation.endDateTime,
    ); // (u) name
  }

  private write(name: string, operationType: string, r: ScheduleRequest, a: Activation, at: string): void {
    if (!this.sink) return;
    const user = this.directory.userById(r.principalId);
    const role = this.state.roles.get(r.roleDefinitionId);
    this.sink.append({
      category: 'RoleManagement',
      activityDisplayName: name,
      activityDateTime: at,
      loggedByService: 'PIM',
      operationType,
      resultReason: r.justification ?? '',
      initiatedBy: {
        user: {
          id: r.principalId,
          userPrincipalName: user?.userPrincipalName,
          displayName: user?.displayName,
        },
      },
      targetResources: [
        { id: r.roleDefinitionId, displayName: role?.displayName, type: 'Role', modifiedProperties: [] },
        { id: r.principalId, displayName: user?.displayName, type: 'User', modifiedProperties: [] },
      ],
      additionalDetails: [
        { key: 'Justification', value: r.justification ?? '' },
        { key: 'TicketNumber', value: r.ticketInfo.ticketNumber ?? '' },
        { key: 'StartTime', value: a.startDateTime },
        { key: 'ExpirationTime', value: a.endDateTime },
      ],
    });
  }
}
