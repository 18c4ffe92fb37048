import { loadDemoFixture } from '../emulator';
import type { TenantFixture } from '../emulator/graph/routing';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';

/** Deterministic GUID-shaped ids, so runs are comparable. */
const guid = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/**
 * The demo tenant plus `count` copies of COVID-19 Response Team's internal policy (one stage, Megan Bowen
 * or Lee Gu, a reason required): Adele can have that many requests waiting for approval at once.
 */
export function approvalTenant(count: number): { fixture: TenantFixture; packageIds: string[] } {
  const fixture = structuredClone(loadDemoFixture()) as TenantFixture & {
    accessPackages: { id: string; displayName: string; policies: { id: string }[] }[];
  };
  const covid = fixture.accessPackages.find((p) => p.id === COVID)!;
  const packageIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = guid('c0000000', i);
    packageIds.push(id);
    fixture.accessPackages.push({
      ...structuredClone(covid),
      id,
      displayName: `Bench Team ${i + 1}`,
      policies: [{ ...structuredClone(covid.policies[0]!), id: guid('d0000000', i) }],
    });
  }
  return { fixture, packageIds };
}
