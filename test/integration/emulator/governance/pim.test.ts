import { strict as assert } from 'node:assert';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { appCredential, graphClient, oboCredential, useEmulator } from '../../../support/emulator';

const RM = '/roleManagement/directory';
const USER_ADMIN = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const GLOBAL = '62e90394-69f5-4237-9190-012177145e10';

describe('emulator PIM over HTTPS (real tokens, real Graph client)', () => {
  const { emu } = useEmulator();
  const as = (alias: string, mfa = false, version: 'v1.0' | 'beta' = 'v1.0') =>
    graphClient(emu(), oboCredential(emu(), alias, { mfa }), version);
  const idOf = (alias: string) => emu().directory.userByAlias(alias)!.id;
  const activation = (alias: string, role: string) => ({
    action: 'selfActivate',
    principalId: idOf(alias),
    roleDefinitionId: role,
    directoryScopeId: '/',
    justification: 'Incident 42',
    ticketInfo: { ticketNumber: 'INC-42', ticketSystem: 'ServiceNow' },
    scheduleInfo: {
      startDateTime: new Date().toISOString(),
      expiration: { type: 'afterDuration', duration: 'PT1H' },
    },
  });

  it('refuses activation without MFA in the token with MfaRule, and grants it once the user has done MFA', async () => {
    await assert.rejects(
      as('AlexW').api(`${RM}/roleAssignmentScheduleRequests`).post(activation('AlexW', USER_ADMIN)),
      (e: GraphError) =>
        e.statusCode === 400 &&
        e.code === 'RoleAssignmentRequestPolicyValidationFailed' &&
        e.message === 'The following policy rules failed: ["MfaRule"]',
    );
    const granted = await as('AlexW', true)
      .api(`${RM}/roleAssignmentScheduleRequests`)
      .post(activation('AlexW', USER_ADMIN));
    assert.equal(granted.status, 'Granted');
    const active = await as('AlexW')
      .api(`${RM}/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')`)
      .expand('roleDefinition')
      .get();
    assert.deepEqual(
      active.value.map((a: { roleDefinition: { displayName: string } }) => a.roleDefinition.displayName),
      ['User Administrator'],
    );
    await assert.rejects(
      as('AlexW', true).api(`${RM}/roleAssignmentScheduleRequests`).post(activation('AlexW', USER_ADMIN)),
      (e: GraphError) => e.code === 'RoleAssignmentExists',
    );
  });

  it('refuses self-activation with an app-only token', async () => {
    const app = graphClient(emu(), appCredential(emu()));
    await assert.rejects(
      app.api(`${RM}/roleAssignmentScheduleRequests`).post(activation('AlexW', USER_ADMIN)),
      (e: GraphError) => e.statusCode === 403,
    );
  });

  it('sends an approval-required activation to the approvers; one approves through beta', async () => {
    const pending = await as('IsaiahL', true)
      .api(`${RM}/roleAssignmentScheduleRequests`)
      .post(activation('IsaiahL', GLOBAL));
    assert.equal(pending.status, 'PendingApproval');
    const inbox = await as('PattiF')
      .api(`${RM}/roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')`)
      .filter("status eq 'PendingApproval'")
      .get();
    assert.deepEqual(
      inbox.value.map((r: { id: string }) => r.id),
      [pending.id],
    );
    const approval = await as('PattiF', false, 'beta')
      .api(`${RM}/roleAssignmentApprovals/${pending.approvalId}`)
      .get();
    const step = approval.steps.find((s: { assignedToMe: boolean }) => s.assignedToMe);
    await assert.rejects(
      as('IsaiahL', false, 'beta')
        .api(`${RM}/roleAssignmentApprovals/${pending.approvalId}/steps/${step.id}`)
        .patch({ reviewResult: 'Approve', justification: 'self' }),
      (e: GraphError) => e.statusCode === 403,
    );
    await as('PattiF', false, 'beta')
      .api(`${RM}/roleAssignmentApprovals/${pending.approvalId}/steps/${step.id}`)
      .patch({ reviewResult: 'Approve', justification: 'Go ahead' });
    await assert.rejects(
      as('MiriamG', false, 'beta')
        .api(`${RM}/roleAssignmentApprovals/${pending.approvalId}/steps/${step.id}`)
        .patch({ reviewResult: 'Deny', justification: 'late' }),
      (e: GraphError) => e.statusCode === 409,
    );
    const done = await as('IsaiahL').api(`${RM}/roleAssignmentScheduleRequests/${pending.id}`).get();
    assert.equal(done.status, 'Provisioned');
  });

  it('requires the scope filter on policy assignments and serves the activation rules', async () => {
    const app = graphClient(emu(), appCredential(emu()));
    await assert.rejects(
      app.api('/policies/roleManagementPolicyAssignments').get(),
      (e: GraphError) => e.statusCode === 400,
    );
    const res = await app
      .api('/policies/roleManagementPolicyAssignments')
      .filter(`scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq '${USER_ADMIN}'`)
      .expand('policy($expand=rules)')
      .get();
    const rules = res.value[0].policy.rules as { id: string; maximumDuration?: string }[];
    assert.equal(rules.find((r) => r.id === 'Expiration_EndUser_Assignment')?.maximumDuration, 'PT4H');
  });

  it('records activations in the directory audit log next to the seeded ones', async () => {
    const app = graphClient(emu(), appCredential(emu()));
    const audits = await app.api('/auditLogs/directoryAudits').filter("category eq 'RoleManagement'").get();
    const mine = audits.value.filter(
      (e: { initiatedBy: { user?: { id: string } } }) => e.initiatedBy.user?.id === idOf('AlexW'),
    );
    assert.ok(
      mine.some(
        (e: { targetResources: { displayName: string }[] }) =>
          e.targetResources[0]!.displayName === 'User Administrator',
      ),
    );
  });
});
