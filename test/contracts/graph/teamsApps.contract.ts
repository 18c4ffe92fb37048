import { strict as assert } from 'node:assert';
import { NotFoundError } from '../../../services/ports/graphErrors';
import { userId, type GraphContractContext } from './context';

const MISSING = '00000000-0000-0000-0000-0000000000aa';

/** The TeamsAppsGateway contract: the bot's own app installed for users, once. */
export function teamsAppsContract(ctx: () => GraphContractContext): void {
  const teamsApps = () => {
    const gateway = ctx().gateways.teamsApps;
    if (!gateway) throw new Error('the gateways were built without teamsAppId');
    return gateway;
  };

  it('installs the app for a user who does not have it, then says it is installed already', async () => {
    assert.equal(await teamsApps().installForUser(userId('DiegoS')), 'installed');
    assert.equal(await teamsApps().installForUser(userId('DiegoS')), 'alreadyInstalled');
  });

  it('throws NotFoundError for a user who does not exist', async () => {
    await assert.rejects(teamsApps().installForUser(MISSING), NotFoundError);
  });
}
