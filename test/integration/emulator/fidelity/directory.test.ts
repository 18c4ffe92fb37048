import { strict as assert } from 'node:assert';
import { appToken, rawCall, useEmulator } from '../../../support/emulator';
import { assertGraphError, getAs } from './support';

describe('emulator fidelity: what User.Read and User.ReadBasic.All reach of other users (HTTPS)', () => {
  const { emu } = useEmulator();

  // user-list-manager.md: GET /me/manager, /users/{id}/manager and $expand=manager need User.Read.All
  // (or Directory.Read.All …) in delegated calls; the bot's users hold User.Read and User.ReadBasic.All.
  it('refuses a user their own manager and another user’s, and answers the app', async () => {
    const lee = emu().directory.userByAlias('LeeG')!.id;
    for (const path of ['/me/manager', '/me?$expand=manager', `/users/${lee}/manager`])
      assertGraphError(await getAs(emu(), 'AdeleV', path), 403, 'Authorization_RequestDenied');
    assert.equal((await getAs(emu(), 'AdeleV', '/me')).status, 200, 'her own profile stays open');
    const app = await rawCall(emu(), 'GET', `/v1.0/users/${lee}/manager`, { token: await appToken(emu()) });
    assert.equal(app.status, 200);
    assert.equal(typeof app.body.displayName, 'string');
  });

  // user-list-directreports.md: User.Read and User.ReadBasic.All are enough; others' basic profile only.
  it('lists another user’s direct reports to a User.ReadBasic.All caller, with their basic profile', async () => {
    const lee = emu().directory.userByAlias('LeeG')!;
    const res = await getAs(emu(), 'AdeleV', `/users/${lee.managerId}/directReports`);
    assert.equal(res.status, 200);
    const row = res.body.value.find((u: { id: string }) => u.id === lee.id);
    assert.equal(row.displayName, 'Lee Gu');
    assert.equal(row.jobTitle, undefined, 'jobTitle is beyond the basic profile');
  });
});
