import type { GraphGateways } from '../../../services/adapters/graph/createGraphGateway';
import type { DelegatedIdentity } from '../../../services/ports/userTokens';
import demoTenant from '../../../emulator/fixtures/demo-tenant.json';

/** What a Graph port contract suite needs: the gateways, and users to act as. */
export interface GraphContractContext {
  gateways: GraphGateways;
  /** A demo-tenant user (by alias) with a fresh SSO assertion, optionally after MFA. */
  as(alias: string, opts?: { mfa?: boolean }): DelegatedIdentity;
}

/** Object id of a demo-tenant user. */
export function userId(alias: string): string {
  const user = demoTenant.users.find((u) => u.alias === alias);
  if (!user) throw new Error(`no user ${alias} in the demo tenant`);
  return user.id;
}

/** Id of a demo-tenant access package, by display name. */
export function packageId(displayName: string): string {
  const p = demoTenant.accessPackages.find((x) => x.displayName === displayName);
  if (!p) throw new Error(`no access package ${displayName} in the demo tenant`);
  return p.id;
}

/** Id of a PIM role definition, by display name. */
export function roleId(displayName: string): string {
  const r = demoTenant.pim.roles.find((x) => x.displayName === displayName);
  if (!r) throw new Error(`no role ${displayName} in the demo tenant`);
  return r.roleDefinitionId;
}

export { demoTenant };
