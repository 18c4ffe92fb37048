import { strict as assert } from 'node:assert';
import { ROLE } from '../../../../emulator';
import { appToken, rawCall, useEmulator } from '../../../support/emulator';
import { assertGraphError, getAs, userToken } from './support';

const EM = '/identityGovernance/entitlementManagement';
const RM = '/roleManagement/directory';
const AR = '/identityGovernance/accessReviews/definitions';
const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';
const FINANCE = 'fefc276f-871e-5734-8cb5-f5bbb22ec42f';
const FALCON_REVIEW = '2de93ae6-dab7-5772-83f1-7112d4e076b0';

describe('emulator fidelity: delegated calls need the user’s role, not only the scope (HTTPS)', () => {
  const { emu } = useEmulator();
  const ids = (res: { body: { value: { id: string }[] } }) => res.body.value.map((x) => x.id).sort();

  // entitlementmanagement-list-accesspackages.md, -list-catalogs.md, -list-assignmentpolicies.md,
  // -list-assignmentrequests.md, -list-assignments.md, accesspackage-get.md, accesspackageassignmentrequest-get.md:
  // "the signed-in user must be assigned an administrator role" (Catalog reader … Identity Governance Administrator).
  const adminReads = [
    `${EM}/accessPackages`,
    `${EM}/accessPackages/${COVID}`,
    `${EM}/catalogs`,
    `${EM}/assignmentPolicies`,
    `${EM}/assignmentRequests`,
    `${EM}/assignments`,
  ];

  it('refuses an ordinary user the entitlement admin reads (403 UnAuthorized), lets an admin and the app read', async () => {
    for (const path of adminReads) {
      assertGraphError(await getAs(emu(), 'AdeleV', path), 403, 'UnAuthorized');
      assert.equal(
        (await getAs(emu(), 'IsaiahL', path)).status,
        200,
        `Identity Governance Administrator: ${path}`,
      );
      const app = await rawCall(emu(), 'GET', `/v1.0${path}`, { token: await appToken(emu()) });
      assert.equal(app.status, 200, `app-only with EntitlementManagement.ReadWrite.All: ${path}`);
    }
  });

  it("answers accessPackages/filterByCurrentUser(on='allowedRequestor') to users, not to apps", async () => {
    // accesspackage-filterbycurrentuser.md: v1.0, delegated only; the packages the caller may request.
    const path = `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`;
    const adele = await getAs(emu(), 'AdeleV', path);
    assert.equal(adele.status, 200);
    assert.ok(ids(adele).includes(COVID));
    assert.ok(!ids(adele).includes(FINANCE), 'only Finance members may request Finance Reports');
    assert.ok(ids(await getAs(emu(), 'PradeepG', path)).includes(FINANCE));
    const app = await rawCall(emu(), 'GET', `/v1.0${path}`, { token: await appToken(emu()) });
    assert.equal(app.status, 403);
  });

  it('keeps the end-user functions open: my requests, my assignments, what applies to me, my own request', async () => {
    for (const path of [
      `${EM}/assignmentRequests/filterByCurrentUser(on='target')`,
      `${EM}/assignments/filterByCurrentUser(on='target')`,
      `${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')`,
    ])
      assert.equal((await getAs(emu(), 'AdeleV', path)).status, 200, path);
    const token = await userToken(emu(), 'AdeleV');
    const applies = await rawCall(
      emu(),
      'POST',
      `/v1.0${EM}/accessPackages/${COVID}/getApplicablePolicyRequirements`,
      {
        token,
      },
    );
    assert.equal(applies.status, 200);
    const created = await rawCall(emu(), 'POST', `/v1.0${EM}/assignmentRequests`, {
      token,
      body: {
        requestType: 'userAdd',
        justification: 'Vaccine logistics',
        assignment: {
          targetId: emu().directory.userByAlias('AdeleV')!.id,
          accessPackageId: COVID,
          assignmentPolicyId: applies.body.value[0].policyId,
        },
      },
    });
    assert.equal(created.status, 201);
    // An admin request type needs the role (include rbac-entitlement-management-end-user-apis-write…).
    const admin = await rawCall(emu(), 'POST', `/v1.0${EM}/assignmentRequests`, {
      token,
      body: { requestType: 'adminRemove', assignment: { id: '00000000-0000-0000-0000-000000000001' } },
    });
    assertGraphError(admin, 403, 'UnAuthorized');
  });

  it('refuses an ordinary user the PIM lists and policies (403), keeps filterByCurrentUser open', async () => {
    // rbacapplication-list-roleeligibilityscheduleinstances.md et al., include rbac-pim-entra-roles-apis:
    // reads need Global Reader, Security Operator, Security Reader, Security Administrator or Privileged Role Administrator.
    const lists = [
      `${RM}/roleEligibilityScheduleInstances`,
      `${RM}/roleEligibilitySchedules`,
      `${RM}/roleAssignmentScheduleInstances`,
      `${RM}/roleAssignmentSchedules`,
      `${RM}/roleAssignmentScheduleRequests`,
      `/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole'`,
    ];
    for (const path of lists)
      assertGraphError(await getAs(emu(), 'AlexW', path), 403, 'UnauthorizedAccessException');
    const mine = await getAs(
      emu(),
      'AlexW',
      `${RM}/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')`,
    );
    assert.equal(mine.status, 200);
    assert.equal(mine.body.value.length, 2, 'Alex is eligible for Helpdesk and User Administrator');
    // Identity Governance Administrator is no PIM reader; Security Reader is.
    assertGraphError(await getAs(emu(), 'IsaiahL', lists[0]!), 403, 'UnauthorizedAccessException');
    emu().roles.assign(emu().directory.userByAlias('LynneR')!.id, ROLE.securityReader);
    for (const path of lists) assert.equal((await getAs(emu(), 'LynneR', path)).status, 200, path);
  });

  it('refuses an ordinary user the access review definitions, but not their own reviews', async () => {
    // accessreviewset-list-definitions.md, include rbac-access-reviews-apis-read.
    assertGraphError(await getAs(emu(), 'AdeleV', AR), 403, 'Forbidden');
    assertGraphError(await getAs(emu(), 'NestorW', `${AR}/${FALCON_REVIEW}/instances`), 403, 'Forbidden');
    assert.equal((await getAs(emu(), 'IsaiahL', AR)).status, 200);
    const mine = await getAs(emu(), 'NestorW', `${AR}/filterByCurrentUser(on='reviewer')`);
    assert.deepEqual(ids(mine), [FALCON_REVIEW]);
    const instances = await getAs(
      emu(),
      'NestorW',
      `${AR}/${FALCON_REVIEW}/instances/filterByCurrentUser(on='reviewer')`,
    );
    const iid = instances.body.value[0].id as string;
    // accessreviewinstancedecisionitem-filterbycurrentuser.md: a reviewer's items, no role needed.
    const decisions = `${AR}/${FALCON_REVIEW}/instances/${iid}/decisions`;
    const items = await getAs(emu(), 'NestorW', `${decisions}/filterByCurrentUser(on='reviewer')`);
    assert.equal(items.status, 200);
    assert.ok(items.body.value.length > 0);
    assert.deepEqual(
      (await getAs(emu(), 'AdeleV', `${decisions}/filterByCurrentUser(on='reviewer')`)).body.value,
      [],
    );
    assertGraphError(await getAs(emu(), 'AdeleV', decisions), 403, 'Forbidden');
    const stop = await rawCall(emu(), 'POST', `/v1.0${AR}/${FALCON_REVIEW}/instances/${iid}/stop`, {
      token: await userToken(emu(), 'NestorW'),
    });
    assertGraphError(stop, 403, 'Forbidden');
  });
});
