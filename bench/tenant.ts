import { loadDemoFixture } from '../emulator';
import type { TenantFixture } from '../emulator/graph/routing';
import type { FixturePackage, FixturePolicy } from '../emulator/graph/modules/entitlement/fixtureTypes';
import { generateTenant } from '../emulator/tenant/generate';

/** Sizes of the benchmark tenant. */
export const BENCH_USERS = 5000;
export const BENCH_PACKAGES = 500;
/** The user the catalog is built for: a member of "Project Falcon", not of "Finance". */
export const CATALOG_USER = 'AdeleV';

/** Deterministic GUID-shaped ids, so runs are comparable. */
function guid(prefix: string, i: number): string {
  return `${prefix}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

/** Generated packages rotate three policies: everyone, a group the catalog user is in, one they are not. */
function policy(pkg: number): FixturePolicy {
  const kind = pkg % 3;
  return {
    id: guid('b0000000', pkg),
    displayName: ['All employees', 'Project Falcon members', 'Finance members'][kind]!,
    allowedRequestors:
      kind === 0
        ? { type: 'allMemberUsers' }
        : { type: 'group', group: kind === 1 ? 'Project Falcon' : 'Finance' },
    isRequestorJustificationRequired: kind !== 0,
    approvalStages: [],
    expiration: { type: 'afterDuration', duration: 'P90D' },
    allowCustomAssignmentSchedule: false,
  };
}

/** How many generated packages the catalog user may request (kinds 0 and 1 of `policy`). */
export function requestableGenerated(generated: number): number {
  let n = 0;
  for (let i = 0; i < generated; i++) if (i % 3 !== 2) n++;
  return n;
}

/**
 * The demo tenant grown to BENCH_USERS users (emulator/tenant/generate.ts) and BENCH_PACKAGES access
 * packages (added here: the generator makes none). Deterministic.
 */
export function benchTenant(): { fixture: TenantFixture; generatedPackages: number } {
  const demo = loadDemoFixture() as unknown as { users: unknown[]; accessPackages: FixturePackage[] };
  const fixture = generateTenant(loadDemoFixture(), { users: BENCH_USERS - demo.users.length, seed: 7 });
  const f = fixture as unknown as { accessPackages: FixturePackage[] };
  const generatedPackages = BENCH_PACKAGES - f.accessPackages.length;
  for (let i = 0; i < generatedPackages; i++) {
    f.accessPackages.push({
      id: guid('a0000000', i),
      displayName: `Bench package ${String(i).padStart(3, '0')}`,
      catalog: i % 2 ? 'General' : 'Crisis Response',
      description: `Generated for the catalog benchmark (${i}).`,
      resources: [],
      policies: [policy(i)],
    });
  }
  return { fixture, generatedPackages };
}
