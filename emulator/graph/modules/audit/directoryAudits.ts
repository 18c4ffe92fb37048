import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../../services/clock';
import type { FixtureActivation } from '../../../tenant/fixture';
import type { AuditSink, DirectoryAuditInput, DirectoryView } from '../../routing';

type Row = Record<string, unknown>;
const DAY_MS = 86_400_000;

/**
 * The tenant's directory audit log. Seeded PIM activations are dated relative to the clock when read
 * (so the demo never goes stale); appended events keep the time they were recorded at.
 */
export class DirectoryAuditLog implements AuditSink {
  private readonly appended: Row[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly directory: DirectoryView,
    private readonly seed: {
      activations: FixtureActivation[];
      roles: { displayName: string; roleDefinitionId: string }[];
    },
  ) {}

  append(event: DirectoryAuditInput): void {
    this.appended.push({
      id: randomUUID(),
      correlationId: randomUUID(),
      result: 'success',
      resultReason: '',
      loggedByService: 'Core Directory',
      operationType: 'Add',
      initiatedBy: {},
      targetResources: [],
      additionalDetails: [],
      ...event,
      activityDateTime: event.activityDateTime ?? this.clock.now().toISOString(),
    });
  }

  /** All events, newest first. */
  events(): Row[] {
    const rows = [...this.seeded(), ...this.appended];
    return rows.sort((a, b) => String(b.activityDateTime).localeCompare(String(a.activityDateTime)));
  }

  private seeded(): Row[] {
    const now = this.clock.now().getTime();
    return this.seed.activations.flatMap((a, i) => {
      const user = this.directory.userByAlias(a.alias);
      const role = this.seed.roles.find((r) => r.displayName === a.role);
      if (!user) return [];
      const start = new Date(now - a.daysAgo * DAY_MS);
      const end = new Date(start.getTime() + a.durationHours * 3_600_000);
      return [
        {
          // Stable ids: tests and the digest can refer to seeded events across reads.
          id: `Directory_PIM_seed_${i}`,
          correlationId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          category: 'RoleManagement',
          activityDisplayName: 'Add member to role completed (PIM activation)',
          activityDateTime: start.toISOString(),
          loggedByService: 'PIM',
          operationType: 'Assign',
          result: 'success',
          resultReason: a.justification,
          initiatedBy: {
            user: { id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName },
          },
          targetResources: [
            {
              id: role?.roleDefinitionId ?? a.role,
              displayName: a.role,
              type: 'Role',
              modifiedProperties: [],
            },
            {
              id: user.id,
              displayName: user.displayName,
              type: 'User',
              userPrincipalName: user.userPrincipalName,
              modifiedProperties: [],
            },
          ],
          additionalDetails: [
            { key: 'Justification', value: a.justification },
            { key: 'TicketNumber', value: a.ticket ?? '' },
            { key: 'StartTime', value: start.toISOString() },
            { key: 'ExpirationTime', value: end.toISOString() },
          ],
        },
      ];
    });
  }
}
