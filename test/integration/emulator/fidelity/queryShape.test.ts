import { strict as assert } from 'node:assert';
import { appToken, rawCall, useEmulator } from '../../../support/emulator';
import { assertGraphError, getAs } from './support';

const EM = '/identityGovernance/entitlementManagement';
const MINE = `${EM}/assignmentRequests/filterByCurrentUser(on='target')`;

describe('emulator fidelity: $select / $expand follow the v1.0 types; User.ReadBasic.All is basic (HTTPS)', () => {
  const { emu } = useEmulator();

  it('answers 400 to $expand or $select of a property the type lacks', async () => {
    // resources/accesspackageassignmentrequest.md: relationships accessPackage, assignment, requestor only.
    const target = await getAs(emu(), 'JohannaL', `${MINE}?$expand=target`);
    assertGraphError(target, 400, 'BadRequest');
    assert.match(target.body.error.message, /'target'.*microsoft\.graph\.accessPackageAssignmentRequest/);
    assertGraphError(await getAs(emu(), 'JohannaL', `${MINE}?$select=id,targetId`), 400, 'BadRequest');
    assertGraphError(await getAs(emu(), 'JohannaL', `${MINE}?$expand=state`), 400, 'BadRequest');
    // resources/accesspackageassignment.md: no targetId / accessPackageId properties in v1.0.
    const assignments = `${EM}/assignments/filterByCurrentUser(on='target')`;
    assertGraphError(await getAs(emu(), 'MiriamG', `${assignments}?$select=targetId`), 400, 'BadRequest');
    assertGraphError(
      await getAs(emu(), 'MiriamG', `${assignments}?$expand=accessPackage($expand=owner)`),
      400,
      'BadRequest',
    );
  });

  it('answers what was selected and expanded, and nothing the type lacks', async () => {
    const plain = (await getAs(emu(), 'JohannaL', MINE)).body.value[0];
    assert.equal(plain.state, 'pendingApproval');
    for (const absent of ['target', 'accessPackage', 'requestor', 'assignment'])
      assert.equal(plain[absent], undefined, absent);
    const expanded = (
      await getAs(emu(), 'JohannaL', `${MINE}?$select=id,state&$expand=requestor,accessPackage`)
    ).body.value[0];
    assert.deepEqual(Object.keys(expanded).sort(), ['accessPackage', 'id', 'requestor', 'state']);
    assert.equal(expanded.requestor.principalName, 'JohannaL@contoso.com');
    const nested = await getAs(emu(), 'JohannaL', `${MINE}?$expand=assignment($expand=target)`);
    assert.equal(nested.status, 200);
    assert.equal(nested.body.value[0].assignment.target, null, 'no target before the assignment exists');
    const miriam = await getAs(
      emu(),
      'MiriamG',
      `${EM}/assignments/filterByCurrentUser(on='target')?$expand=target,assignmentPolicy`,
    );
    assert.equal(miriam.body.value[0].target.principalName, 'MiriamG@contoso.com');
    assert.equal(miriam.body.value[0].targetId, undefined);
  });

  it('gives a User.ReadBasic.All caller only the basic profile of others, and no manager', async () => {
    // permissions reference, User.ReadBasic.All: display name, first and last name, email address, photo (and UPN).
    const megan = emu().directory.userByAlias('MeganB')!.id;
    const basic = await getAs(
      emu(),
      'AdeleV',
      `/users/${megan}?$select=displayName,jobTitle,department,mail`,
    );
    assert.equal(basic.status, 200);
    assert.equal(basic.body.displayName, 'Megan Bowen');
    assert.equal(basic.body.mail, 'MeganB@contoso.com');
    assert.equal(basic.body.jobTitle, undefined);
    assert.equal(basic.body.department, undefined);
    const list = await getAs(emu(), 'AdeleV', `/users?$select=id,displayName,jobTitle`);
    const others = list.body.value.filter(
      (u: { id: string }) => u.id !== emu().directory.userByAlias('AdeleV')!.id,
    );
    assert.ok(others.length > 10);
    assert.ok(others.every((u: { jobTitle?: string }) => u.jobTitle === undefined));
    assertGraphError(
      await getAs(emu(), 'AdeleV', `/users/${megan}/manager`),
      403,
      'Authorization_RequestDenied',
    );
    assertGraphError(
      await getAs(emu(), 'AdeleV', `/users/${megan}?$expand=manager`),
      403,
      'Authorization_RequestDenied',
    );
    // The signed-in user's own profile is whole (User.Read), and app-only User.Read.All reads everything.
    assert.equal((await getAs(emu(), 'AdeleV', '/me?$select=jobTitle')).body.jobTitle, 'Retail Manager');
    const app = await rawCall(emu(), 'GET', `/v1.0/users/${megan}?$select=jobTitle`, {
      token: await appToken(emu()),
    });
    assert.equal(app.body.jobTitle, 'Marketing Manager');
  });
});
