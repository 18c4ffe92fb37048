import { strict as assert } from 'node:assert';
import { NotFoundError } from '../../../services/ports/graphErrors';
import { demoTenant, userId, type GraphContractContext } from './context';

const MISSING = '00000000-0000-0000-0000-0000000000aa';
const falcon = demoTenant.groups.find((g) => g.displayName === 'Project Falcon')!;

/** The DirectoryGateway contract: users with manager and last sign-in, group members. */
export function directoryContract(ctx: () => GraphContractContext): void {
  const directory = () => ctx().gateways.directory;

  it('reads a user with manager, department, job title and last sign-in', async () => {
    const adele = await directory().getUser(userId('AdeleV'));
    assert.equal(adele.displayName, 'Adele Vance');
    assert.equal(adele.department, 'Retail');
    assert.equal(adele.jobTitle, 'Retail Manager');
    assert.deepEqual(adele.manager, { id: userId('MeganB'), displayName: 'Megan Bowen' });
    assert.ok(adele.lastSignInDateTime && Date.parse(adele.lastSignInDateTime) < Date.now());
    const patti = await directory().getUser(userId('PattiF'));
    assert.equal(patti.manager, undefined);
    await assert.rejects(directory().getUser(MISSING), NotFoundError);
  });

  it('reads many users in one go, leaving out unknown ids', async () => {
    const ids = demoTenant.users.map((u) => u.id);
    const users = await directory().getUsers([...ids, MISSING]);
    assert.equal(users.size, ids.length);
    assert.equal(users.get(userId('SamT'))?.userType, 'Guest');
    assert.ok(!users.has(MISSING));
  });

  it("lists a group's members", async () => {
    const members = await directory().groupMembers(falcon.id);
    assert.deepEqual(members.map((m) => m.id).sort(), falcon.memberAliases.map(userId).sort());
    await assert.rejects(directory().groupMembers(MISSING), NotFoundError);
  });
}
