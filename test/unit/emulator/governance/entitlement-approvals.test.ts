import { strict as assert } from 'node:assert';
import { EntitlementService } from '../../../../emulator/graph/modules/entitlement/service';
import type { AssignmentRequest } from '../../../../emulator/graph/modules/entitlement/model';
import { DAY, HOUR, idOf, testContext, userCaller } from './support';
import { EM, userAdd, workstream } from './entitlementFixtures';

describe('emulator entitlement management: approvals', () => {
  let ctx: ReturnType<typeof testContext>;
  let em: EntitlementService;
  let johanna: AssignmentRequest;
  beforeEach(() => {
    ctx = testContext();
    em = new EntitlementService(ctx);
    johanna = [...em.state.requests.values()].find((r) => r.state === 'pendingApproval')!;
  });
  const stage0 = () => johanna.stages[0]!.id;
  const approve = (alias: string, justification: string | null = 'ok') =>
    em.decide(johanna.id, stage0(), idOf(ctx, alias), { reviewResult: 'Approve', justification });
  /** Submits, and reads again: the approval starts once Graph has processed the request. */
  const submit = (...args: Parameters<EntitlementService['submit']>) => {
    const r = em.submit(...args);
    em.refresh();
    return r;
  };
  const falcon = (alias: string) =>
    submit(
      userCaller(ctx, alias),
      userAdd(ctx, alias, EM.falcon, EM.falconPolicy, { answers: [workstream('Design')] }),
    );

  it("seeds Johanna's request pending with Megan and Lee, 30 hours old", () => {
    assert.deepEqual(em.currentApprovers(johanna).sort(), [idOf(ctx, 'MeganB'), idOf(ctx, 'LeeG')].sort());
    assert.equal(ctx.clock.now().getTime() - new Date(johanna.createdDateTime).getTime(), 30 * HOUR);
  });

  it('delivers when any approver of the only stage approves, and refuses the other afterwards (409)', () => {
    approve('MeganB');
    assert.equal(johanna.state, 'delivering', 'approved: Graph delivers afterwards');
    em.refresh();
    assert.equal(johanna.state, 'delivered');
    assert.equal(johanna.stages[0]!.reviewedBy?.id, idOf(ctx, 'MeganB'));
    assert.ok(ctx.directory.groupMemberIds(EM.covidGroup).includes(idOf(ctx, 'JohannaL')));
    assert.throws(() => approve('LeeG'), { status: 409, code: 'Conflict' });
  });

  it('refuses a non-approver (403), the requestor (403) and a missing justification (400)', () => {
    assert.throws(() => approve('AlexW'), { status: 403, code: 'Forbidden' });
    assert.throws(() => approve('JohannaL'), { status: 403, code: 'SelfApprovalNotAllowed' });
    assert.throws(() => approve('MeganB', ' '), { status: 400, code: 'ApproverJustificationRequired' });
    assert.equal(johanna.state, 'pendingApproval');
  });

  it('denies the request when an approver denies', () => {
    em.decide(johanna.id, stage0(), idOf(ctx, 'LeeG'), {
      reviewResult: 'Deny',
      justification: 'not this month',
    });
    assert.equal(johanna.state, 'denied');
    assert.ok(!ctx.directory.groupMemberIds(EM.covidGroup).includes(idOf(ctx, 'JohannaL')));
  });

  it('denies automatically once durationBeforeAutomaticDenial passes with no decision', () => {
    ctx.clock.advance(17 * HOUR);
    em.refresh();
    assert.equal(johanna.state, 'pendingApproval');
    ctx.clock.advance(2 * HOUR);
    em.refresh();
    assert.equal(johanna.state, 'denied');
    assert.equal(johanna.status, 'Expired');
    assert.equal(johanna.stages[0]!.status, 'Expired');
    assert.throws(() => approve('MeganB'), { status: 409 });
  });

  it("never asks requestors to approve themselves: Lee's own request goes to Megan only", () => {
    const lee = submit(userCaller(ctx, 'LeeG'), userAdd(ctx, 'LeeG', EM.covid, EM.covidInternal));
    assert.deepEqual(em.currentApprovers(lee), [idOf(ctx, 'MeganB')]);
  });

  it("runs stages in order: the requestor's manager, then the sponsor, then delivery", () => {
    const r = falcon('HenriettaM');
    assert.deepEqual(em.currentApprovers(r), [idOf(ctx, 'LeeG')]);
    assert.equal(r.stages[1]!.status, 'NotStarted');
    em.decide(r.id, r.stages[0]!.id, idOf(ctx, 'LeeG'), { reviewResult: 'Approve', justification: 'yes' });
    assert.equal(r.stages[1]!.status, 'InProgress');
    assert.equal(r.state, 'pendingApproval');
    em.decide(r.id, r.stages[1]!.id, idOf(ctx, 'LeeG'), { reviewResult: 'Approve' });
    em.refresh();
    assert.equal(r.state, 'delivered');
  });

  it('asks the fallback approvers when the requestor has no manager', () => {
    const r = falcon('PattiF');
    assert.deepEqual(em.currentApprovers(r), [idOf(ctx, 'NestorW')]);
  });

  it('adds the escalation approvers after durationBeforeEscalation', () => {
    const r = falcon('HenriettaM');
    ctx.clock.advance(DAY - 1000);
    em.refresh();
    assert.deepEqual(em.currentApprovers(r), [idOf(ctx, 'LeeG')]);
    ctx.clock.advance(1000);
    em.refresh();
    assert.deepEqual(em.currentApprovers(r).sort(), [idOf(ctx, 'LeeG'), idOf(ctx, 'PattiF')].sort());
    em.decide(r.id, r.stages[0]!.id, idOf(ctx, 'PattiF'), {
      reviewResult: 'Approve',
      justification: 'escalated',
    });
    assert.equal(r.stages[1]!.status, 'InProgress');
  });

  it('expires assignments when their end passes and takes the group back', () => {
    const miriam = [...em.state.assignments.values()].find((a) => a.targetId === idOf(ctx, 'MiriamG'))!;
    ctx.clock.advance(5 * DAY);
    em.refresh();
    assert.equal(miriam.state, 'expired');
    assert.ok(!ctx.directory.groupMemberIds(EM.salesGroup).includes(idOf(ctx, 'MiriamG')));
  });
});
