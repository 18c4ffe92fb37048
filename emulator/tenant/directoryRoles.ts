import type { Clock } from '../../services/clock';
import type { DirectoryRoleView } from '../graph/routing';

/** Built-in Microsoft Entra role template ids: the same in every tenant (Entra's permissions reference). */
export const ROLE = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  securityOperator: '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f',
  complianceAdministrator: '17315797-102d-40b4-93e0-432062caca18',
  identityGovernanceAdministrator: '45d8d3c5-c802-45c6-b32a-1d70b5e1e86e',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  reportsReader: '4a5d8f65-41da-4de4-8968-e035b65339cf',
} as const;

/** Where else a principal's active roles come from (PIM: activations in force now). */
export type RoleSource = (principalId: string, now: Date) => string[];

/**
 * The tenant's active directory role assignments: permanent ones (seeded, or added by tests) and the
 * roles PIM has activated. Graph checks these, besides the token's scopes, in delegated calls.
 */
export class DirectoryRoles implements DirectoryRoleView {
  private readonly permanent = new Map<string, Set<string>>();
  private readonly sources: RoleSource[] = [];

  constructor(private readonly clock: Clock) {}

  /** A permanent, active assignment of `roleDefinitionId` to the principal (tenant-wide scope). */
  assign(principalId: string, roleDefinitionId: string): void {
    const set = this.permanent.get(principalId) ?? new Set<string>();
    set.add(roleDefinitionId);
    this.permanent.set(principalId, set);
  }

  unassign(principalId: string, roleDefinitionId: string): void {
    this.permanent.get(principalId)?.delete(roleDefinitionId);
  }

  addSource(source: RoleSource): void {
    this.sources.push(source);
  }

  activeRoleIds(principalId: string): string[] {
    const now = this.clock.now();
    const all = new Set(this.permanent.get(principalId) ?? []);
    for (const source of this.sources) for (const id of source(principalId, now)) all.add(id);
    return [...all];
  }

  holdsAny(principalId: string, roleDefinitionIds: readonly string[]): boolean {
    const held = this.activeRoleIds(principalId);
    return roleDefinitionIds.some((id) => held.includes(id));
  }
}

/**
 * The demo tenant's standing admin: the fixture lists no directory role assignments, so the security
 * lead, Isaiah Langer, is made Identity Governance Administrator here (the role entitlement management
 * and access reviews accept for their admin reads). Everyone else is an ordinary user.
 */
export function seedDirectoryRoles(
  clock: Clock,
  userByAlias: (alias: string) => { id: string } | undefined,
): DirectoryRoles {
  const roles = new DirectoryRoles(clock);
  const isaiah = userByAlias('IsaiahL');
  if (isaiah) roles.assign(isaiah.id, ROLE.identityGovernanceAdministrator);
  return roles;
}
