import { strict as assert } from 'node:assert';
import { EntitlementService } from '../../../../emulator/graph/modules/entitlement/service';
import { appCaller, DAY, idOf, testContext, userCaller } from './support';
import { EM, userAdd, workstream } from './entitlementFixtures';

describe('emulator entitlement management: assignment requests', () => {
  let ctx: ReturnType<typeof testContext>;
  let em: EntitlementService;
  beforeEach(() => {
    ctx = testContext();
    em = new EntitlementService(ctx);
  });
  const rejects = (fn: () => unknown, status: number, code: string) => assert.throws(fn, { status, code });
  /** Submits, then reads again: Graph processes a request after answering it (here with no delay). */
  const submit = (...args: Parameters<EntitlementService['submit']>) => {
    const r = em.submit(...args);
    em.refresh();
    return r;
  };

  it('answers submitted, then processes the request one processing delay later (approval, then delivery)', () => {
    ctx.delay.ms = 60_000;
    const sales = em.submit(userCaller(ctx, 'AlexW'), userAdd(ctx, 'AlexW', EM.sales, EM.salesPolicy));
    const falcon = em.submit(
      userCaller(ctx, 'AlexW'),
      userAdd(ctx, 'AlexW', EM.falcon, EM.falconPolicy, { answers: [workstream('Design')] }),
    );
    assert.deepEqual([sales.state, sales.status], ['submitted', 'Accepted']);
    ctx.clock.advance(59_000);
    em.refresh();
    assert.deepEqual([sales.state, falcon.state], ['submitted', 'submitted']);
    assert.equal(falcon.stages[0]!.status, 'NotStarted', 'no approval exists yet');
    ctx.clock.advance(1_000);
    em.refresh();
    assert.deepEqual([sales.state, falcon.state], ['delivering', 'pendingApproval']);
    assert.equal(falcon.stages[0]!.startedDateTime, ctx.clock.now().toISOString());
    assert.ok(!ctx.directory.groupMemberIds(EM.salesGroup).includes(idOf(ctx, 'AlexW')));
    ctx.clock.advance(60_000);
    em.refresh();
    assert.equal(sales.state, 'delivered');
    assert.ok(ctx.directory.groupMemberIds(EM.salesGroup).includes(idOf(ctx, 'AlexW')));
  });

  it('delivers under a policy without approval and adds the user to the package group', () => {
    const r = submit(userCaller(ctx, 'AlexW'), userAdd(ctx, 'AlexW', EM.sales, EM.salesPolicy));
    assert.equal(r.state, 'delivered');
    assert.equal(em.state.assignments.get(r.assignmentId)?.state, 'delivered');
    assert.ok(ctx.directory.groupMemberIds(EM.salesGroup).includes(idOf(ctx, 'AlexW')));
    const end = new Date(em.state.assignments.get(r.assignmentId)!.expiration.endDateTime!);
    assert.equal(end.getTime() - ctx.clock.now().getTime(), 90 * DAY);
  });

  it('refuses callers no policy of the package allows', () => {
    rejects(
      () => submit(userCaller(ctx, 'SamT'), userAdd(ctx, 'SamT', EM.sales, EM.salesPolicy)),
      403,
      'RequestorNotAllowedByPolicy',
    );
    rejects(
      () => submit(userCaller(ctx, 'AlexW'), userAdd(ctx, 'AlexW', EM.finance, EM.financePolicy)),
      403,
      'RequestorNotAllowedByPolicy',
    );
    rejects(
      () => submit(userCaller(ctx, 'SamT'), userAdd(ctx, 'SamT', EM.covid, EM.covidInternal)),
      403,
      'RequestorNotAllowedByPolicy',
    );
    rejects(
      () => submit(userCaller(ctx, 'AlexW'), userAdd(ctx, 'AlexW', EM.covid, EM.covidFabrikam)),
      403,
      'RequestorNotAllowedByPolicy',
    );
  });

  it('lets a connected organization guest and a group member request under their policies', () => {
    ctx.clock.advance(4 * DAY); // Sam's seeded assignment ends after 3 days
    assert.equal(
      submit(userCaller(ctx, 'SamT'), userAdd(ctx, 'SamT', EM.covid, EM.covidFabrikam)).state,
      'pendingApproval',
    );
    assert.equal(
      submit(userCaller(ctx, 'PattiF'), userAdd(ctx, 'PattiF', EM.finance, EM.financePolicy)).state,
      'pendingApproval',
    );
  });

  it('refuses a policy of another package, a target other than the caller, and an app using userAdd', () => {
    rejects(
      () => submit(userCaller(ctx, 'AlexW'), userAdd(ctx, 'AlexW', EM.sales, EM.covidInternal)),
      400,
      'InvalidAssignmentPolicy',
    );
    rejects(
      () => submit(userCaller(ctx, 'AlexW'), userAdd(ctx, 'LynneR', EM.sales, EM.salesPolicy)),
      403,
      'Forbidden',
    );
    rejects(() => submit(appCaller(ctx), userAdd(ctx, 'AlexW', EM.sales, EM.salesPolicy)), 400, 'BadRequest');
  });

  it('requires a justification where the policy does', () => {
    const body = userAdd(ctx, 'AlexW', EM.covid, EM.covidInternal, { justification: '  ' });
    rejects(() => submit(userCaller(ctx, 'AlexW'), body), 400, 'RequestorJustificationRequired');
  });

  it('requires answers to required questions, from the allowed choices', () => {
    const alex = userCaller(ctx, 'AlexW');
    rejects(
      () => submit(alex, userAdd(ctx, 'AlexW', EM.falcon, EM.falconPolicy)),
      400,
      'RequiredQuestionNotAnswered',
    );
    const wrong = userAdd(ctx, 'AlexW', EM.falcon, EM.falconPolicy, { answers: [workstream('Catering')] });
    rejects(() => submit(alex, wrong), 400, 'InvalidAnswer');
    const ok = userAdd(ctx, 'AlexW', EM.falcon, EM.falconPolicy, { answers: [workstream('Design')] });
    assert.equal(submit(alex, ok).state, 'pendingApproval');
  });

  it('allows a custom schedule only where the policy does, and no longer than its expiration', () => {
    const custom = (duration: string) => ({ expiration: { type: 'afterDuration' as const, duration } });
    const sales = userAdd(ctx, 'AlexW', EM.sales, EM.salesPolicy, { schedule: custom('P10D') });
    rejects(() => submit(userCaller(ctx, 'AlexW'), sales), 400, 'CustomAssignmentScheduleNotAllowed');
    const long = userAdd(ctx, 'AlexW', EM.falcon, EM.falconPolicy, {
      answers: [workstream('Design')],
      schedule: custom('P200D'),
    });
    rejects(() => submit(userCaller(ctx, 'AlexW'), long), 400, 'ScheduleExceedsPolicyExpiration');
    const fine = userAdd(ctx, 'AlexW', EM.falcon, EM.falconPolicy, {
      answers: [workstream('Design')],
      schedule: custom('P30D'),
    });
    assert.equal(submit(userCaller(ctx, 'AlexW'), fine).schedule.expiration.duration, 'P30D');
  });

  it('refuses a second open request and a userAdd over an active assignment', () => {
    rejects(
      () => submit(userCaller(ctx, 'JohannaL'), userAdd(ctx, 'JohannaL', EM.covid, EM.covidInternal)),
      400,
      'ExistingOpenRequest',
    );
    rejects(
      () => submit(userCaller(ctx, 'MiriamG'), userAdd(ctx, 'MiriamG', EM.sales, EM.salesPolicy)),
      400,
      'ActiveAssignmentExists',
    );
  });

  it('extends only an existing assignment, where the policy allows, with approval when it says so', () => {
    const extend = (alias: string, pkg: string, policy: string) => ({
      ...userAdd(ctx, alias, pkg, policy),
      requestType: 'userExtend',
    });
    rejects(
      () => submit(userCaller(ctx, 'AlexW'), extend('AlexW', EM.sales, EM.salesPolicy)),
      400,
      'AssignmentNotFound',
    );
    const miriam = submit(userCaller(ctx, 'MiriamG'), extend('MiriamG', EM.sales, EM.salesPolicy));
    assert.equal(miriam.state, 'delivered');
    const end = new Date(em.state.assignments.get(miriam.assignmentId)!.expiration.endDateTime!);
    assert.equal(end.getTime(), ctx.clock.now().getTime() + 90 * DAY);
    assert.equal(
      submit(userCaller(ctx, 'SamT'), extend('SamT', EM.covid, EM.covidFabrikam)).state,
      'pendingApproval',
    );
    submit(appCaller(ctx), {
      ...userAdd(ctx, 'AlexW', EM.falcon, EM.falconPolicy),
      requestType: 'adminAdd',
    });
    rejects(
      () => submit(userCaller(ctx, 'AlexW'), extend('AlexW', EM.falcon, EM.falconPolicy)),
      400,
      'ExtensionNotAllowed',
    );
  });

  it('lets an app add directly, without approval', () => {
    const r = submit(appCaller(ctx), {
      ...userAdd(ctx, 'AlexW', EM.falcon, EM.falconPolicy),
      requestType: 'adminAdd',
    });
    assert.equal(r.state, 'delivered');
    assert.ok(ctx.directory.groupMemberIds(EM.falconGroup).includes(idOf(ctx, 'AlexW')));
  });

  it('cancels an open request once, by its requestor only (or an admin)', () => {
    const johanna = [...em.state.requests.values()].find((r) => r.state === 'pendingApproval')!;
    rejects(() => em.cancel(userCaller(ctx, 'AlexW'), johanna.id), 403, 'UnAuthorized');
    em.cancel(userCaller(ctx, 'JohannaL'), johanna.id);
    assert.equal(johanna.state, 'canceled');
    rejects(() => em.cancel(userCaller(ctx, 'JohannaL'), johanna.id), 400, 'RequestNotCancelable');
  });

  it('removes an assignment on userRemove and takes the group back', () => {
    const miriam = [...em.state.assignments.values()].find((a) => a.targetId === idOf(ctx, 'MiriamG'))!;
    submit(userCaller(ctx, 'MiriamG'), {
      requestType: 'userRemove',
      assignment: { id: miriam.id },
      justification: null,
      answers: [],
    });
    assert.equal(miriam.state, 'expired');
    assert.ok(!ctx.directory.groupMemberIds(EM.salesGroup).includes(idOf(ctx, 'MiriamG')));
  });
});
