import { strict as assert } from 'node:assert';
import { PimService } from '../../../../emulator/graph/modules/pim/service';
import type { RequestBody } from '../../../../emulator/graph/modules/pim/requestBody';
import { appCaller, DAY, HOUR, idOf, testContext, userCaller } from './support';

const ROLE = {
  helpdesk: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  userAdmin: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  security: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  global: '62e90394-69f5-4237-9190-012177145e10',
};

describe('emulator PIM: role activation', () => {
  let ctx: ReturnType<typeof testContext>;
  let pim: PimService;
  beforeEach(() => {
    ctx = testContext();
    pim = new PimService(ctx);
  });
  const body = (alias: string, role: string, extra: Partial<RequestBody> = {}): RequestBody => ({
    action: 'selfActivate',
    principalId: idOf(ctx, alias),
    roleDefinitionId: role,
    directoryScopeId: '/',
    justification: 'Password resets',
    ticketInfo: { ticketNumber: 'INC-1', ticketSystem: 'SNOW' },
    scheduleInfo: {
      startDateTime: ctx.clock.now().toISOString(),
      expiration: { type: 'afterDuration', duration: 'PT1H' },
    },
    ...extra,
  });
  const rulesFailed = (rules: string[]) => ({
    status: 400,
    code: 'RoleAssignmentRequestPolicyValidationFailed',
    message: `The following policy rules failed: ${JSON.stringify(rules)}`,
  });
  const active = (alias: string, role: string) =>
    pim.state.activationAt(idOf(ctx, alias), role, ctx.clock.now());

  it('answers Granted, provisions one processing delay later, active until start + duration', () => {
    ctx.delay.ms = 30_000;
    const r = pim.submit(userCaller(ctx, 'AlexW'), body('AlexW', ROLE.helpdesk));
    // rbacapplication-post-roleassignmentschedulerequests.md, selfActivate example: Granted, schedule id = request id.
    assert.equal(r.status, 'Granted');
    assert.equal(r.targetScheduleId, r.id);
    pim.refresh();
    assert.equal(active('AlexW', ROLE.helpdesk), undefined, 'not provisioned yet');
    ctx.clock.advance(30_000);
    pim.refresh();
    assert.equal(r.status, 'Provisioned');
    assert.equal(active('AlexW', ROLE.helpdesk)?.id, r.id);
    assert.ok(
      ctx.roles.activeRoleIds(idOf(ctx, 'AlexW')).includes(ROLE.helpdesk),
      'an activated role is held',
    );
    ctx.clock.advance(HOUR);
    assert.equal(active('AlexW', ROLE.helpdesk), undefined);
    assert.ok(!ctx.roles.activeRoleIds(idOf(ctx, 'AlexW')).includes(ROLE.helpdesk));
  });

  it('refuses a role the caller is not eligible for, and a second activation', () => {
    assert.throws(() => pim.submit(userCaller(ctx, 'AlexW'), body('AlexW', ROLE.global)), {
      status: 400,
      code: 'RoleAssignmentDoesNotExist',
    });
    pim.submit(userCaller(ctx, 'AlexW'), body('AlexW', ROLE.helpdesk));
    pim.refresh();
    assert.throws(() => pim.submit(userCaller(ctx, 'AlexW'), body('AlexW', ROLE.helpdesk)), {
      status: 400,
      code: 'RoleAssignmentExists',
      message: 'The Role assignment already exists.',
    });
  });

  it('refuses durations beyond maximumDuration (ExpirationRule)', () => {
    const long = body('AlexW', ROLE.helpdesk, {
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT9H' } },
    });
    assert.throws(() => pim.submit(userCaller(ctx, 'AlexW'), long), rulesFailed(['ExpirationRule']));
  });

  it('names every failed rule: justification, ticket and MFA', () => {
    const bare = body('AlexW', ROLE.userAdmin, { justification: '', ticketInfo: {} });
    assert.throws(
      () => pim.submit(userCaller(ctx, 'AlexW'), bare),
      rulesFailed(['JustificationRule', 'TicketingRule', 'MfaRule']),
    );
  });

  it('requires mfa in the token amr where the policy does', () => {
    assert.throws(
      () => pim.submit(userCaller(ctx, 'AlexW'), body('AlexW', ROLE.userAdmin)),
      rulesFailed(['MfaRule']),
    );
    const r = pim.submit(userCaller(ctx, 'AlexW', { amr: ['pwd', 'mfa'] }), body('AlexW', ROLE.userAdmin));
    assert.equal(r.status, 'Granted');
  });

  it('refuses app-only callers and activation for someone else', () => {
    assert.throws(() => pim.submit(appCaller(ctx), body('AlexW', ROLE.helpdesk)), { status: 403 });
    assert.throws(() => pim.submit(userCaller(ctx, 'IsaiahL'), body('AlexW', ROLE.helpdesk)), {
      status: 403,
    });
  });

  it('stores nothing for isValidationOnly', () => {
    const r = pim.submit(userCaller(ctx, 'AlexW'), body('AlexW', ROLE.helpdesk, { isValidationOnly: true }));
    assert.equal(r.isValidationOnly, true);
    assert.equal(active('AlexW', ROLE.helpdesk), undefined);
    assert.equal(pim.state.requests.has(r.id), false);
  });

  it('waits for approval, then any approver grants; the requestor and others cannot, a second decision conflicts', () => {
    const isaiah = userCaller(ctx, 'IsaiahL', { amr: ['pwd', 'mfa'] });
    const r = pim.submit(isaiah, body('IsaiahL', ROLE.global));
    assert.equal(r.status, 'PendingApproval');
    const approval = pim.approvals.get(r.approvalId!);
    const step = approval.steps[0]!.id;
    const decide = (alias: string, result: 'Approve' | 'Deny' = 'Approve', why: string | null = 'ok') =>
      pim.approvals.decide(approval.id, step, idOf(ctx, alias), result, why, ctx.clock.now());
    assert.throws(() => decide('IsaiahL'), { status: 403, code: 'SelfApprovalNotAllowed' });
    assert.throws(() => decide('AlexW'), { status: 403, code: 'Forbidden' });
    assert.throws(() => decide('PattiF', 'Approve', ''), { status: 400 });
    ctx.clock.advance(10 * 60_000);
    decide('PattiF');
    assert.equal(r.status, 'Granted');
    pim.refresh();
    assert.equal(r.status, 'Provisioned');
    const a = active('IsaiahL', ROLE.global)!;
    assert.equal(new Date(a.endDateTime).getTime() - new Date(a.startDateTime).getTime(), HOUR);
    assert.equal(a.startDateTime, ctx.clock.now().toISOString());
    assert.throws(() => decide('MiriamG'), { status: 409, code: 'Conflict' });
  });

  it('denies a pending request when the approval times out, and cancels only pending ones', () => {
    const isaiah = userCaller(ctx, 'IsaiahL');
    const r = pim.submit(isaiah, body('IsaiahL', ROLE.security));
    ctx.clock.advance(DAY);
    pim.refresh();
    assert.equal(r.status, 'Denied');
    assert.throws(() => pim.cancel(isaiah, r.id), { status: 400 });
    const again = pim.submit(isaiah, body('IsaiahL', ROLE.security));
    pim.cancel(isaiah, again.id);
    assert.equal(again.status, 'Canceled');
  });

  it('deactivates early, but not in the first five minutes', () => {
    const alex = userCaller(ctx, 'AlexW');
    pim.submit(alex, body('AlexW', ROLE.helpdesk));
    const off = { ...body('AlexW', ROLE.helpdesk), action: 'selfDeactivate' };
    assert.throws(() => pim.submit(alex, off), { status: 400, code: 'ActiveDurationTooShort' });
    ctx.clock.advance(6 * 60_000);
    assert.equal(pim.submit(alex, off).status, 'Revoked');
    assert.equal(active('AlexW', ROLE.helpdesk), undefined);
    assert.throws(() => pim.submit(alex, off), { status: 400, code: 'RoleAssignmentDoesNotExist' });
  });

  it('seeds recent activations as ended, provisioned requests', () => {
    const past = [...pim.state.requests.values()].filter((r) => r.principalId === idOf(ctx, 'IsaiahL'));
    assert.equal(past.length, 1);
    assert.equal(past[0]!.status, 'Provisioned');
    assert.equal(active('IsaiahL', ROLE.global), undefined);
  });
});
