import { strict as assert } from 'node:assert';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PolicyViolationError,
} from '../../../services/ports/graphErrors';
import { packageId, userId, type GraphContractContext } from './context';

const COVID = packageId('COVID-19 Response Team');
const FINANCE = packageId('Finance Reports');
const SALES = packageId('Sales Toolkit');
const FALCON = packageId('Project Falcon');

/** The EntitlementGateway contract: what the request and approval flows rely on. */
export function entitlementContract(ctx: () => GraphContractContext): void {
  const em = () => ctx().gateways.entitlement;

  it('lists what a user may request (with catalogs), every package app-only, and searches by name', async () => {
    const mine = await em().requestablePackages(ctx().as('AdeleV'));
    const covid = mine.find((p) => p.id === COVID);
    assert.equal(covid?.catalog?.displayName, 'Crisis Response');
    assert.ok(!mine.some((p) => p.id === FINANCE), 'only Finance members may request Finance Reports');
    const app = await em().listAccessPackages();
    assert.deepEqual(app.map((p) => p.id).sort(), [...mine.map((p) => p.id), FINANCE].sort());
    const found = await em().listAccessPackages('SALES tool');
    assert.deepEqual(
      found.map((p) => p.id),
      [SALES],
    );
  });

  it('tells which policies the caller may request under, many packages in one call', async () => {
    const policies = await em().applicablePolicies(ctx().as('AdeleV'), [COVID, FINANCE, SALES, FALCON]);
    assert.deepEqual(policies.get(FINANCE), [], 'Adele is not in Finance');
    assert.deepEqual(
      policies.get(COVID)?.map((p) => p.policyDisplayName),
      ['Internal staff'],
    );
    const covid = policies.get(COVID)![0]!;
    assert.equal(covid.isRequestorJustificationRequired, true);
    assert.equal(covid.isApprovalRequiredForAdd, true);
    assert.equal(policies.get(SALES)![0]!.isApprovalRequiredForAdd, false);
    const falcon = policies.get(FALCON)![0]!;
    assert.ok(falcon.questions.length >= 1);
    assert.deepEqual(
      falcon.questions[0]!.choices?.map((c) => c.value),
      ['Design', 'Engineering', 'Field trials'],
    );
  });

  it('reads a package with its policies, approval stages and resources', async () => {
    const falcon = await em().getAccessPackage(FALCON);
    const policy = falcon.policies[0]!;
    assert.equal(policy.stages.length, 2);
    assert.deepEqual(policy.stages[0]!.primaryApprovers, [{ kind: 'requestorManager', managerLevel: 1 }]);
    assert.deepEqual(policy.stages[1]!.primaryApprovers, [{ kind: 'user', userId: userId('LeeG') }]);
    assert.ok(falcon.resources.length > 0);
    await assert.rejects(em().getAccessPackage('00000000-0000-0000-0000-000000000001'), NotFoundError);
  });

  it("refuses requests with Graph's reasons: no justification, not allowed, open request", async () => {
    const adele = ctx().as('AdeleV');
    const policy = (await em().applicablePolicies(adele, [COVID])).get(COVID)![0]!.policyId;
    await assert.rejects(
      em().createRequest(adele, { kind: 'add', accessPackageId: COVID, policyId: policy }),
      (e) => {
        assert.ok(e instanceof PolicyViolationError);
        assert.equal(e.reason, 'justificationRequired');
        return true;
      },
    );
    const financePolicy = (await em().getAccessPackage(FINANCE)).policies[0]!.id;
    await assert.rejects(
      em().createRequest(adele, {
        kind: 'add',
        accessPackageId: FINANCE,
        policyId: financePolicy,
        justification: 'x',
      }),
      (e) => e instanceof PolicyViolationError && e.reason === 'notAllowedByPolicy',
    );
    const created = await em().createRequest(adele, {
      kind: 'add',
      accessPackageId: COVID,
      policyId: policy,
      justification: 'Vaccine logistics',
    });
    assert.ok(created.id);
    assert.equal(created.requestType.toLowerCase(), 'useradd');
    assert.equal(created.state, 'submitted', 'Graph answers submitted and processes the request afterwards');
    await assert.rejects(
      em().createRequest(adele, {
        kind: 'add',
        accessPackageId: COVID,
        policyId: policy,
        justification: 'again',
      }),
      (e) => e instanceof PolicyViolationError && e.reason === 'openRequestExists',
    );
    const mine = await em().myRequests(adele);
    const seen = mine.find((r) => r.id === created.id);
    assert.equal(seen?.accessPackage?.id, COVID);
    assert.equal(seen?.justification, 'Vaccine logistics');
  });

  it('lets one approver decide a stage; the others then get a conflict, the requestor is refused', async () => {
    const adele = ctx().as('AdeleV');
    const request = (await em().myRequests(adele)).find(
      (r) => r.accessPackage?.id === COVID && r.state === 'pendingApproval',
    );
    assert.ok(request, 'the request from the previous test waits for approval');
    const megan = ctx().as('MeganB');
    assert.ok((await em().approvalsAssignedToMe(megan)).includes(request.id));
    assert.ok((await em().requestsToApprove(megan)).some((r) => r.id === request.id));
    const [stage] = await em().approvalStages(megan, request.id);
    assert.equal(stage?.assignedToMe, true);
    await assert.rejects(em().decideStage(adele, request.id, stage!.id, 'Approve', 'me'), ForbiddenError);
    await em().decideStage(megan, request.id, stage!.id, 'Approve', 'Welcome aboard');
    await assert.rejects(
      em().decideStage(ctx().as('LeeG'), request.id, stage!.id, 'Deny', 'late'),
      ConflictError,
    );
    const state = await em().requestState(request.id);
    assert.ok(['delivering', 'delivered'].includes(state.state), state.state);
  });

  it('refuses self-approval with 403', async () => {
    const megan = ctx().as('MeganB');
    const policy = (await em().applicablePolicies(megan, [FALCON])).get(FALCON)?.[0];
    assert.ok(policy);
    const answers = policy.questions.map((q) => ({
      questionId: q.id,
      value: q.choices?.[0]?.value ?? 'text',
    }));
    const request = await em().createRequest(megan, {
      kind: 'add',
      accessPackageId: FALCON,
      policyId: policy.policyId,
      justification: 'Join',
      answers,
    });
    // Stage 1 goes to Megan's manager, Miriam; Megan herself is no approver and cannot approve.
    const miriam = ctx().as('MiriamG');
    const [stage] = await em().approvalStages(miriam, request.id);
    await assert.rejects(em().decideStage(megan, request.id, stage!.id, 'Approve', 'self'), (e) => {
      assert.ok(e instanceof ForbiddenError);
      assert.equal(e.graphCode, 'SelfApprovalNotAllowed');
      return true;
    });
    await em().cancelRequest(megan, request.id);
    assert.equal((await em().myRequests(megan)).find((r) => r.id === request.id)?.state, 'canceled');
  });

  it('reads assignments: mine, and app-only those expiring soon; pending requests app-only', async () => {
    const miriam = await em().myAssignments(ctx().as('MiriamG'));
    const sales = miriam.find((a) => a.accessPackage?.id === SALES);
    assert.equal(sales?.state, 'delivered');
    assert.ok(sales?.endDateTime, 'a P90D assignment has an end');
    const soon = await em().assignmentsExpiringBefore(new Date(Date.now() + 7 * 86_400_000));
    const targets = soon.map((a) => a.target?.objectId);
    assert.ok(targets.includes(userId('MiriamG')));
    assert.ok(targets.includes(userId('SamT')));
    assert.ok(!targets.includes(userId('PradeepG')), 'Pradeep has 325 days left');
    const pending = await em().pendingRequests();
    assert.ok(pending.some((r) => r.requestor?.id === userId('JohannaL') && r.accessPackage?.id === COVID));
  });
}
