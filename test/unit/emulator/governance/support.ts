import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Caller, ModuleContext, TenantFixture } from '../../../../emulator/graph/routing';
import { createDirectory, type TenantDirectory } from '../../../../emulator/tenant/directory';
import { seedDirectoryRoles, type DirectoryRoles } from '../../../../emulator/tenant/directoryRoles';
import { ManualClock } from '../../../../services/clock';

/** The demo tenant fixture, parsed fresh for each test. */
export function loadFixture(): TenantFixture {
  const path = join(__dirname, '../../../../emulator/fixtures/demo-tenant.json');
  return JSON.parse(readFileSync(path, 'utf8')) as TenantFixture;
}

/**
 * A module context over the fixture with a manual clock at a fixed instant, the demo tenant's role
 * assignments (Isaiah Langer is Identity Governance Administrator) and a processing delay tests set.
 */
export function testContext(start = '2026-03-02T09:00:00Z'): ModuleContext & {
  clock: ManualClock;
  directory: TenantDirectory;
  roles: DirectoryRoles;
  delay: { ms: number };
} {
  const clock = new ManualClock(start);
  const fixture = loadFixture();
  const directory = createDirectory(fixture, clock);
  const delay = { ms: 0 };
  return {
    clock,
    fixture,
    directory,
    roles: seedDirectoryRoles(clock, (alias) => directory.userByAlias(alias)),
    delay,
    processingDelayMs: () => delay.ms,
    newId: randomUUID,
  };
}

/** A delegated caller signed in as the fixture user `alias`. */
export function userCaller(ctx: ModuleContext, alias: string, extra: Partial<Caller> = {}): Caller {
  const user = ctx.directory.userByAlias(alias);
  if (!user) throw new Error(`no user ${alias}`);
  return {
    kind: 'user',
    tenantId: ctx.fixture.tenant.id,
    appId: 'bot-app',
    userId: user.id,
    scopes: [],
    roles: [],
    amr: ['pwd'],
    acrs: [],
    ...extra,
  };
}

/** An app-only caller. */
export function appCaller(ctx: ModuleContext, roles: string[] = []): Caller {
  return {
    kind: 'app',
    tenantId: ctx.fixture.tenant.id,
    appId: 'bot-app',
    scopes: [],
    roles,
    amr: [],
    acrs: [],
  };
}

/** The id of the fixture user `alias`. */
export function idOf(ctx: ModuleContext, alias: string): string {
  return ctx.directory.userByAlias(alias)!.id;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
