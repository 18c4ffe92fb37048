import { loadDemoFixture } from '../../../emulator';
import type { FixturePackage } from '../../../emulator/graph/modules/entitlement/fixtureTypes';
import type { TenantFixture } from '../../../emulator/graph/routing';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';
const SALES_TOOLKIT = 'd43818e7-814d-5823-b9d0-8c579b9fc04e';

/** A package a crash flow requests. */
export interface CrashPackage {
  id: string;
  displayName: string;
  /** One stage, Megan Bowen or Lee Gu, a reason required (COVID-19's policy); else none at all. */
  approval: boolean;
}

/** Approvers of every package that needs approval. */
export const APPROVERS = ['MeganB', 'LeeG'] as const;

/** Members of the demo tenant who request (neither approvers nor guests). */
export const REQUESTERS = [
  'AdeleV',
  'AlexW',
  'DiegoS',
  'GradyA',
  'HenriettaM',
  'IsaiahL',
  'JohannaL',
  'JoniS',
  'LynneR',
  'MiriamG',
  'NestorW',
  'PattiF',
  'PradeepG',
] as const;

const guid = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/**
 * The demo tenant plus `count` packages of each kind: copies of COVID-19 Response Team's internal
 * policy (approval) and of Sales Toolkit's (no approval), so that every flow of a run requests a
 * package of its own and cards, requests and decisions can be told apart per flow.
 */
export function crashTenant(count: number): { fixture: TenantFixture; packages: CrashPackage[] } {
  const fixture = structuredClone(loadDemoFixture()) as TenantFixture & { accessPackages: FixturePackage[] };
  const packages: CrashPackage[] = [];
  const copy = (sourceId: string, kind: 'Team' | 'Kit', i: number, approval: boolean) => {
    const source = fixture.accessPackages.find((p) => p.id === sourceId)!;
    const id = guid(approval ? 'c7a50000' : 'c7b50000', i);
    const displayName = `Crash ${kind} ${i + 1}`;
    fixture.accessPackages.push({
      ...structuredClone(source),
      id,
      displayName,
      policies: [
        { ...structuredClone(source.policies[0]!), id: guid(approval ? 'c7a60000' : 'c7b60000', i) },
      ],
    });
    packages.push({ id, displayName, approval });
  };
  for (let i = 0; i < count; i++) {
    copy(COVID, 'Team', i, true);
    copy(SALES_TOOLKIT, 'Kit', i, false);
  }
  return { fixture, packages };
}
