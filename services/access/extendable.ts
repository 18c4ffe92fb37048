import type { EntitlementGateway } from '../ports/entitlement';

/** What deciding whether an assignment can be extended needs to know of it. */
export interface HeldAssignment {
  id: string;
  packageId: string;
  policyId?: string;
}

/**
 * The assignments whose policy lets their holder extend them (the policy's
 * `requestorSettings.enableTargetsToSelfUpdateAccess`; Graph refuses a `userExtend` otherwise), so
 * lists offer Extend only where it can work. Reads each package once, app-only, as the form does.
 * Without a policy id, any policy of the package that allows it will do.
 */
export async function extendableAssignments(
  entitlement: Pick<EntitlementGateway, 'getAccessPackage'>,
  held: HeldAssignment[],
): Promise<Set<string>> {
  const packageIds = [...new Set(held.map((h) => h.packageId))];
  const details = new Map(
    await Promise.all(packageIds.map(async (id) => [id, await entitlement.getAccessPackage(id)] as const)),
  );
  const out = new Set<string>();
  for (const h of held) {
    const policies = details.get(h.packageId)?.policies ?? [];
    const granting = h.policyId ? policies.filter((p) => p.id === h.policyId) : policies;
    if (granting.some((p) => p.enableTargetsToSelfUpdateAccess)) out.add(h.id);
  }
  return out;
}
