import { strict as assert } from 'node:assert';
import {
  ConflictError,
  ForbiddenError,
  MfaRequiredError,
  PolicyViolationError,
} from '../../../services/ports/graphErrors';
import { roleId, userId, type GraphContractContext } from './context';

const HELPDESK = roleId('Helpdesk Administrator');
const USER_ADMIN = roleId('User Administrator');
const SECURITY_ADMIN = roleId('Security Administrator');
const GLOBAL_ADMIN = roleId('Global Administrator');
const ticket = { number: 'INC0042', system: 'ServiceNow' };

/** The PimGateway contract: eligibility, activation under the role's policy, approvals. */
export function pimContract(ctx: () => GraphContractContext): void {
  const pim = () => ctx().gateways.pim;

  it("lists the caller's eligible roles with their names", async () => {
    const roles = await pim().myEligibleRoles(ctx().as('AlexW'));
    const byId = new Map(roles.map((r) => [r.roleDefinitionId, r]));
    assert.equal(byId.get(HELPDESK)?.roleName, 'Helpdesk Administrator');
    assert.equal(byId.get(HELPDESK)?.endDateTime, undefined, 'permanently eligible');
    assert.ok(byId.get(USER_ADMIN)?.endDateTime);
    assert.ok(!byId.has(GLOBAL_ADMIN));
  });

  it("reads a role's activation policy", async () => {
    const userAdmin = await pim().activationPolicy(USER_ADMIN);
    assert.equal(userAdmin.maximumDuration, 'PT4H');
    assert.deepEqual(
      [userAdmin.requireJustification, userAdmin.requireTicket, userAdmin.requireMfa],
      [true, true, true],
    );
    assert.equal(userAdmin.requireApproval, false);
    const security = await pim().activationPolicy(SECURITY_ADMIN);
    assert.equal(security.requireApproval, true);
    assert.deepEqual(security.approvers, [{ kind: 'user', userId: userId('MiriamG') }]);
  });

  it('refuses activation with the failed rules, asks for MFA, then activates', async () => {
    const alex = ctx().as('AlexW');
    await assert.rejects(
      pim().activate(alex, { roleDefinitionId: USER_ADMIN, justification: 'Reset', duration: 'PT1H' }),
      (e) => {
        assert.ok(e instanceof PolicyViolationError);
        assert.equal(e.reason, 'ticketRequired');
        assert.deepEqual([...e.rules].sort(), ['MfaRule', 'TicketingRule']);
        return true;
      },
    );
    await assert.rejects(
      pim().activate(alex, {
        roleDefinitionId: USER_ADMIN,
        justification: 'Reset',
        ticket,
        duration: 'PT1H',
      }),
      (e) => e instanceof MfaRequiredError && e.claims.includes('mfa'),
    );
    const alexMfa = ctx().as('AlexW', { mfa: true });
    const granted = await pim().activate(alexMfa, {
      roleDefinitionId: USER_ADMIN,
      justification: 'Reset',
      ticket,
      duration: 'PT1H',
    });
    assert.equal(granted.status, 'Granted');
    assert.equal(granted.principalId, userId('AlexW'));
    const active = await pim().myActiveRoles(alexMfa);
    assert.ok(active.some((r) => r.roleDefinitionId === USER_ADMIN && r.assignmentType === 'Activated'));
    // PIM keeps an activation for at least five minutes before it can be ended.
    await assert.rejects(pim().deactivate(alexMfa, USER_ADMIN), PolicyViolationError);
    await assert.rejects(
      pim().activate(alexMfa, {
        roleDefinitionId: USER_ADMIN,
        justification: 'Again',
        ticket,
        duration: 'PT1H',
      }),
      (e) => e instanceof PolicyViolationError && e.reason === 'alreadyAssigned',
    );
  });

  it('refuses a duration beyond the maximum', async () => {
    await assert.rejects(
      pim().activate(ctx().as('AlexW'), {
        roleDefinitionId: HELPDESK,
        justification: 'Long day',
        duration: 'PT9H',
      }),
      (e) =>
        e instanceof PolicyViolationError &&
        e.reason === 'scheduleNotAllowed' &&
        e.rules.includes('ExpirationRule'),
    );
  });

  it('waits for approval; the approver decides once, the requestor cannot', async () => {
    const isaiah = ctx().as('IsaiahL');
    const request = await pim().activate(isaiah, {
      roleDefinitionId: SECURITY_ADMIN,
      justification: 'Incident',
      ticket,
      duration: 'PT2H',
    });
    assert.equal(request.status, 'PendingApproval');
    assert.ok(request.approvalId);
    assert.ok((await pim().myRequests(isaiah)).some((r) => r.id === request.id));
    assert.ok((await pim().pendingApprovalRequests()).some((r) => r.id === request.id));
    const miriam = ctx().as('MiriamG');
    assert.ok((await pim().requestsToApprove(miriam)).some((r) => r.id === request.id));
    const [step] = await pim().approvalSteps(miriam, request.approvalId);
    assert.equal(step?.assignedToMe, true);
    await assert.rejects(
      pim().decideStep(isaiah, request.approvalId, step!.id, 'Approve', 'me'),
      ForbiddenError,
    );
    await pim().decideStep(miriam, request.approvalId, step!.id, 'Approve', 'Go ahead');
    await assert.rejects(
      pim().decideStep(miriam, request.approvalId, step!.id, 'Deny', 'changed my mind'),
      ConflictError,
    );
    const after = await pim().requestState(request.id);
    assert.ok(['Provisioned', 'Granted'].includes(after.status), after.status);
  });

  it('cancels a pending request and lists recent activations app-only', async () => {
    const johanna = ctx().as('JohannaL', { mfa: true });
    const request = await pim().activate(johanna, {
      roleDefinitionId: GLOBAL_ADMIN,
      justification: 'Audit',
      ticket,
      duration: 'PT1H',
    });
    assert.equal(request.status, 'PendingApproval');
    await pim().cancelRequest(johanna, request.id);
    assert.equal((await pim().requestState(request.id)).status, 'Canceled');
    const recent = await pim().activationsSince(new Date(Date.now() - 3600_000));
    assert.ok(recent.some((r) => r.principalId === userId('AlexW') && r.roleDefinitionId === USER_ADMIN));
  });
}
