import { strict as assert } from 'node:assert';
import type { RouteDef } from '../../../../emulator/graph/routing';
import { pimModule } from '../../../../emulator/graph/modules/pim';
import { appCaller, idOf, testContext, userCaller } from './support';
import { call, json } from './routeHarness';

const GLOBAL = '62e90394-69f5-4237-9190-012177145e10';
const RW = ['RoleManagement.ReadWrite.Directory'];

describe('emulator PIM: routes', () => {
  let ctx: ReturnType<typeof testContext>;
  let routes: RouteDef[];
  beforeEach(() => {
    ctx = testContext();
    routes = pimModule.routes(ctx);
  });
  const as = (alias: string, amr = ['pwd', 'mfa']) => userCaller(ctx, alias, { scopes: RW, amr });

  it('requires scopeId and scopeType on policy assignments, and expands policy rules', async () => {
    const base = '/policies/roleManagementPolicyAssignments';
    assert.equal((await call(routes, 'GET', base, { caller: appCaller(ctx, RW) })).status, 400);
    const q = `$filter=scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq '${GLOBAL}'&$expand=policy($expand=rules)`;
    const res = json(await call(routes, 'GET', `${base}?${q}`, { caller: appCaller(ctx, RW) }));
    assert.equal(res.value.length, 1);
    const rules = res.value[0].policy.rules as {
      id: string;
      maximumDuration?: string;
      enabledRules?: string[];
      setting?: { isApprovalRequired: boolean; approvalStages: { primaryApprovers: { userId: string }[] }[] };
    }[];
    assert.equal(rules.find((r) => r.id === 'Expiration_EndUser_Assignment')?.maximumDuration, 'PT1H');
    assert.deepEqual(rules.find((r) => r.id === 'Enablement_EndUser_Assignment')?.enabledRules, [
      'MultiFactorAuthentication',
      'Justification',
      'Ticketing',
    ]);
    const approval = rules.find((r) => r.id === 'Approval_EndUser_Assignment')!.setting!;
    assert.equal(approval.isApprovalRequired, true);
    assert.deepEqual(
      approval.approvalStages[0]!.primaryApprovers.map((a) => a.userId),
      [idOf(ctx, 'PattiF'), idOf(ctx, 'MiriamG')],
    );
    const directory = json(
      await call(routes, 'GET', `${base}?$filter=scopeId eq '/' and scopeType eq 'Directory'`, {
        caller: appCaller(ctx, RW),
      }),
    );
    assert.equal(directory.value.length, 4);
  });

  it("lists the caller's eligibilities with their role definitions", async () => {
    const res = json(
      await call(
        routes,
        'GET',
        "/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')?$expand=roleDefinition",
        { caller: as('IsaiahL') },
      ),
    );
    assert.deepEqual(
      res.value.map((e: { roleDefinition: { displayName: string } }) => e.roleDefinition.displayName).sort(),
      ['Global Administrator', 'Security Administrator'],
    );
    assert.equal(res.value[0].principal, undefined);
  });

  it('activates through POST (201 Granted), shows the active instance, and approves via beta approvals', async () => {
    const body = {
      action: 'selfActivate',
      principalId: idOf(ctx, 'IsaiahL'),
      roleDefinitionId: GLOBAL,
      directoryScopeId: '/',
      justification: 'incident',
      ticketInfo: { ticketNumber: 'INC-9' },
      scheduleInfo: { expiration: { type: 'AfterDuration', duration: 'PT1H' } },
    };
    const created = await call(routes, 'POST', '/roleManagement/directory/roleAssignmentScheduleRequests', {
      caller: as('IsaiahL'),
      body,
    });
    assert.equal(created.status, 201);
    const { approvalId, status } = json(created);
    assert.equal(status, 'PendingApproval');
    const inbox = json(
      await call(
        routes,
        'GET',
        "/roleManagement/directory/roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')?$filter=status eq 'PendingApproval'",
        { caller: as('MiriamG') },
      ),
    );
    assert.equal(inbox.value.length, 1);
    assert.equal(
      (
        await call(routes, 'GET', `/roleManagement/directory/roleAssignmentApprovals/${approvalId}`, {
          caller: as('MiriamG'),
        })
      ).status,
      404,
      'beta only',
    );
    const approval = json(
      await call(routes, 'GET', `/roleManagement/directory/roleAssignmentApprovals/${approvalId}`, {
        caller: as('MiriamG'),
        version: 'beta',
      }),
    );
    assert.equal(approval.steps[0].assignedToMe, true);
    const patch = await call(
      routes,
      'PATCH',
      `/roleManagement/directory/roleAssignmentApprovals/${approvalId}/steps/${approval.steps[0].id}`,
      { caller: as('MiriamG'), version: 'beta', body: { reviewResult: 'Approve', justification: 'ok' } },
    );
    assert.equal(patch.status, 204);
    const active = json(
      await call(
        routes,
        'GET',
        "/roleManagement/directory/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')",
        { caller: as('IsaiahL') },
      ),
    );
    assert.equal(active.value[0].assignmentType, 'Activated');
    const schedules = json(
      await call(
        routes,
        'GET',
        "/roleManagement/directory/roleAssignmentSchedules/filterByCurrentUser(on='principal')",
        { caller: as('IsaiahL') },
      ),
    );
    assert.equal(schedules.value[0].scheduleInfo.expiration.type, 'afterDateTime');
    const request = json(
      await call(
        routes,
        'GET',
        `/roleManagement/directory/roleAssignmentScheduleRequests/${json(created).id}`,
        { caller: as('IsaiahL') },
      ),
    );
    assert.equal(request.scheduleInfo.expiration.type, 'afterDuration', 'echoed in lower camel case');
  });

  it('refuses a request naming neither directoryScopeId nor appScopeId (400)', async () => {
    // rbacapplication-post-roleassignmentschedulerequests.md: "Either directoryScopeId or appScopeId is required."
    const res = await call(routes, 'POST', '/roleManagement/directory/roleAssignmentScheduleRequests', {
      caller: as('IsaiahL', ['pwd', 'mfa']),
      body: {
        action: 'selfActivate',
        principalId: idOf(ctx, 'IsaiahL'),
        roleDefinitionId: GLOBAL,
        justification: 'x',
        ticketInfo: { ticketNumber: '1' },
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
      },
    });
    assert.equal(res.status, 400);
    assert.equal(json(res).error.code, 'BadRequest');
  });

  it('answers MfaRule failures with the Graph error body', async () => {
    const body = {
      action: 'selfActivate',
      principalId: idOf(ctx, 'IsaiahL'),
      roleDefinitionId: GLOBAL,
      directoryScopeId: '/',
      justification: 'x',
      ticketInfo: { ticketNumber: '1' },
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
    };
    const res = await call(routes, 'POST', '/roleManagement/directory/roleAssignmentScheduleRequests', {
      caller: as('IsaiahL', ['pwd']),
      body,
    });
    assert.deepEqual(json(res).error, {
      code: 'RoleAssignmentRequestPolicyValidationFailed',
      message: 'The following policy rules failed: ["MfaRule"]',
    });
  });
});
