import type { Clock } from '../../services/clock';
import type { DirectoryView, EmulatedGroup, EmulatedUser, TenantFixture } from '../graph/routing';
import { coreFixture, type FixtureUser } from './fixture';

const DAY_MS = 86_400_000;

/** The emulated directory: users, managers and groups, with sign-in times relative to the clock. */
export class TenantDirectory implements DirectoryView {
  private readonly byId = new Map<string, FixtureUser>();
  private readonly byAlias = new Map<string, FixtureUser>();
  private readonly byUpn = new Map<string, FixtureUser>();
  private readonly groups = new Map<string, EmulatedGroup>();
  private readonly members = new Map<string, Set<string>>();
  private readonly owners = new Map<string, Set<string>>();

  constructor(
    fixture: TenantFixture,
    private readonly clock: Clock,
  ) {
    const f = coreFixture(fixture);
    for (const u of f.users) {
      this.byId.set(u.id, u);
      this.byAlias.set(u.alias.toLowerCase(), u);
      this.byUpn.set(u.userPrincipalName.toLowerCase(), u);
    }
    for (const g of f.groups ?? []) {
      const { memberAliases, ownerAliases, ...group } = g;
      this.groups.set(g.id, group);
      this.members.set(g.id, new Set(memberAliases.map((a) => this.idOf(a))));
      this.owners.set(g.id, new Set(ownerAliases.map((a) => this.idOf(a))));
    }
  }

  private idOf(alias: string): string {
    const user = this.byAlias.get(alias.toLowerCase());
    if (!user) throw new Error(`tenant fixture: unknown user alias '${alias}'`);
    return user.id;
  }

  /** Resolved at read time so that moving the clock moves "last signed in 3 days ago". */
  private view(u: FixtureUser): EmulatedUser {
    const { managerAlias, lastSignInDaysAgo, ...rest } = u;
    const user: EmulatedUser = { ...rest };
    if (managerAlias) user.managerId = this.idOf(managerAlias);
    if (lastSignInDaysAgo !== null && lastSignInDaysAgo !== undefined) {
      user.lastSignInDateTime = new Date(
        this.clock.now().getTime() - lastSignInDaysAgo * DAY_MS,
      ).toISOString();
    }
    return user;
  }

  userById(id: string): EmulatedUser | undefined {
    const u = this.byId.get(id.toLowerCase()) ?? this.byId.get(id);
    return u && this.view(u);
  }
  userByAlias(alias: string): EmulatedUser | undefined {
    const u = this.byAlias.get(alias.toLowerCase());
    return u && this.view(u);
  }
  /** A user by object id or user principal name, as `/users/{id | userPrincipalName}` resolves it. */
  userByIdOrUpn(key: string): EmulatedUser | undefined {
    const u = this.byUpn.get(key.toLowerCase());
    return u ? this.view(u) : this.userById(key);
  }
  users(): EmulatedUser[] {
    return [...this.byId.values()].map((u) => this.view(u));
  }
  /** Direct reports of a manager. */
  directReportIds(managerId: string): string[] {
    return this.users()
      .filter((u) => u.managerId === managerId)
      .map((u) => u.id);
  }
  allGroups(): EmulatedGroup[] {
    return [...this.groups.values()];
  }
  groupById(id: string): EmulatedGroup | undefined {
    return this.groups.get(id);
  }
  groupByName(displayName: string): EmulatedGroup | undefined {
    return [...this.groups.values()].find((g) => g.displayName === displayName);
  }
  groupMemberIds(groupId: string): string[] {
    return [...(this.members.get(groupId) ?? [])];
  }
  groupOwnerIds(groupId: string): string[] {
    return [...(this.owners.get(groupId) ?? [])];
  }
  /** Groups the user is a direct member of. */
  groupsOf(userId: string): EmulatedGroup[] {
    return [...this.groups.values()].filter((g) => this.members.get(g.id)?.has(userId));
  }
  addGroupMember(groupId: string, userId: string): void {
    this.members.get(groupId)?.add(userId);
  }
  removeGroupMember(groupId: string, userId: string): void {
    this.members.get(groupId)?.delete(userId);
  }
}

/** Builds the directory model from a tenant fixture; relative times read the clock when asked. */
export function createDirectory(fixture: TenantFixture, clock: Clock): TenantDirectory {
  return new TenantDirectory(fixture, clock);
}
