/** Users and groups of the tenant, read app-only (background work and card enrichment). */
export interface DirectoryUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail?: string;
  jobTitle?: string;
  department?: string;
  userType?: 'Member' | 'Guest';
  accountEnabled?: boolean;
  /** The user's manager, when one is set. */
  manager?: { id: string; displayName: string };
  /** Last interactive sign-in (ISO 8601); undefined when never signed in or not known. */
  lastSignInDateTime?: string;
}

export interface DirectoryGateway {
  /** One user with manager and last sign-in; throws NotFoundError when unknown. */
  getUser(userId: string): Promise<DirectoryUser>;
  /** Many users at once (batched); ids that do not exist are simply absent from the map. */
  getUsers(userIds: string[]): Promise<Map<string, DirectoryUser>>;
  /** Direct user members of a group (every page); throws NotFoundError when the group is unknown. */
  groupMembers(groupId: string): Promise<DirectoryUser[]>;
  /**
   * Users who hold a directory role (template id) tenant-wide: active assignments (permanent or
   * activated) and PIM eligibilities, members of an assigned group included; each user once.
   */
  roleHolders(roleDefinitionId: string): Promise<DirectoryUser[]>;
}
