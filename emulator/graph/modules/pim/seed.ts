import type { ModuleContext } from '../../routing';
import { PimState } from './state';
import { addDays } from '../governance/time';

interface PimFixture {
  pim?: {
    roles: { displayName: string; roleDefinitionId: string }[];
    policies: {
      role: string;
      maximumDuration: string;
      requireJustification: boolean;
      requireTicket: boolean;
      requireMfa: boolean;
      authenticationContext?: string;
      approvers: string[];
      notifyOnActivation: string[];
    }[];
    eligibilities: { alias: string; role: string; endsInDays: number | null }[];
    recentActivations: {
      alias: string;
      role: string;
      daysAgo: number;
      durationHours: number;
      justification: string;
      ticket: string | null;
    }[];
  };
}

/** Builds PIM state from the fixture: roles, policies, eligibilities and past (ended) activations. */
export function seedPim(ctx: ModuleContext): PimState {
  const pim = (ctx.fixture as unknown as PimFixture).pim;
  const state = new PimState();
  if (!pim) return state;
  const now = ctx.clock.now();
  const user = (alias: string) => {
    const u = ctx.directory.userByAlias(alias);
    if (!u) throw new Error(`Fixture: unknown user '${alias}'`);
    return u.id;
  };
  const role = (name: string) => {
    const r = pim.roles.find((x) => x.displayName === name);
    if (!r) throw new Error(`Fixture: unknown role '${name}'`);
    return r.roleDefinitionId;
  };
  for (const r of pim.roles)
    state.roles.set(r.roleDefinitionId, { id: r.roleDefinitionId, displayName: r.displayName });
  for (const p of pim.policies) {
    const id = `DirectoryRole_${ctx.fixture.tenant.id}_${ctx.newId()}`;
    state.policies.set(id, {
      id,
      roleDefinitionId: role(p.role),
      maximumDuration: p.maximumDuration,
      requireJustification: p.requireJustification,
      requireTicket: p.requireTicket,
      requireMfa: p.requireMfa,
      authenticationContext: p.authenticationContext,
      approverIds: p.approvers.map(user),
      notifyIds: p.notifyOnActivation.map(user),
    });
  }
  for (const e of pim.eligibilities) {
    const id = ctx.newId();
    const created = addDays(now, -90).toISOString();
    state.eligibilities.set(id, {
      id,
      principalId: user(e.alias),
      roleDefinitionId: role(e.role),
      startDateTime: created,
      endDateTime: e.endsInDays === null ? null : addDays(now, e.endsInDays).toISOString(),
      createdDateTime: created,
    });
  }
  for (const a of pim.recentActivations) {
    const principalId = user(a.alias);
    const roleDefinitionId = role(a.role);
    const start = addDays(now, -a.daysAgo);
    const end = new Date(start.getTime() + a.durationHours * 3_600_000);
    const activationId = ctx.newId();
    const eligibility = [...state.eligibilities.values()].find(
      (e) => e.principalId === principalId && e.roleDefinitionId === roleDefinitionId,
    );
    state.activations.set(activationId, {
      id: activationId,
      principalId,
      roleDefinitionId,
      eligibilityId: eligibility?.id ?? '',
      startDateTime: start.toISOString(),
      endDateTime: end.toISOString(),
    });
    const requestId = ctx.newId();
    state.requests.set(requestId, {
      id: requestId,
      action: 'selfActivate',
      principalId,
      roleDefinitionId,
      directoryScopeId: '/',
      justification: a.justification,
      ticketInfo: { ticketNumber: a.ticket, ticketSystem: a.ticket ? 'ServiceNow' : null },
      scheduleInfo: {
        startDateTime: start.toISOString(),
        expiration: { type: 'afterDuration', duration: `PT${a.durationHours}H`, endDateTime: null },
      },
      status: 'Provisioned',
      createdDateTime: start.toISOString(),
      completedDateTime: start.toISOString(),
      approvalId: null,
      targetScheduleId: activationId,
      isValidationOnly: false,
      createdById: principalId,
      dueAt: null,
    });
  }
  return state;
}
