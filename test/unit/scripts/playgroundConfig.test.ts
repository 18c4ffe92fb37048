import { strict as assert } from 'node:assert';
import { load } from 'js-yaml';
import demoTenant from '../../../emulator/fixtures/demo-tenant.json';
import { playgroundConfig } from '../../../scripts/playground-config';

interface PlaygroundUser {
  id: string;
  aadObjectId: string;
  name: string;
}

describe('Agents Playground config', () => {
  const megan = demoTenant.users.find((u) => u.alias === 'MeganB')!;

  it('chats as the chosen demo user, with the 29:<object id> the emulated token service signs in', () => {
    const config = load(playgroundConfig('meganb')) as {
      tenantId: string;
      currentUser: PlaygroundUser;
      users: PlaygroundUser[];
    };
    assert.equal(config.tenantId, demoTenant.tenant.id);
    assert.equal(config.currentUser.id, `29:${megan.id}`);
    assert.equal(config.currentUser.aadObjectId, megan.id);
    assert.equal(config.currentUser.name, 'Megan Bowen');
    // The Playground refuses fewer than five users; the current user is not among them.
    assert.ok(config.users.length >= 5);
    assert.ok(config.users.every((u) => u.aadObjectId !== megan.id && u.id === `29:${u.aadObjectId}`));
  });

  it('names the demo users when the alias is unknown', () => {
    assert.throws(() => playgroundConfig('Nobody'), /No demo user Nobody; try one of .*AdeleV/);
  });
});
