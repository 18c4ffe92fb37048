import type { AccessPackage, Assignment, AssignmentPolicy, AssignmentRequest, Catalog } from './model';

/** A connected organization the tenant trusts, found by its users' mail domain. */
export interface ConnectedOrganization {
  id: string;
  displayName: string;
  domain: string;
}

/** All entitlement-management objects of one emulator instance (no module-level state). */
export class EntitlementState {
  readonly catalogs = new Map<string, Catalog>();
  readonly packages = new Map<string, AccessPackage>();
  readonly policies = new Map<string, AssignmentPolicy>();
  readonly assignments = new Map<string, Assignment>();
  readonly requests = new Map<string, AssignmentRequest>();
  readonly connectedOrganizations: ConnectedOrganization[] = [];

  policiesOf(accessPackageId: string): AssignmentPolicy[] {
    return [...this.policies.values()].filter((p) => p.accessPackageId === accessPackageId);
  }

  packageByName(displayName: string): AccessPackage | undefined {
    return [...this.packages.values()].find((p) => p.displayName === displayName);
  }

  /** The target's delivered assignment to a package, if any. */
  activeAssignment(accessPackageId: string, targetId: string): Assignment | undefined {
    return [...this.assignments.values()].find(
      (a) => a.accessPackageId === accessPackageId && a.targetId === targetId && a.state === 'delivered',
    );
  }
}
