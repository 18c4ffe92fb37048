import { strict as assert } from 'node:assert';
import { loadDemoFixture, startEmulator, type Emulator } from '../../../emulator';
import { generateTenant } from '../../../emulator/tenant/generate';
import { appCredential, graphClient } from '../../support/emulator';

describe('emulator: large tenant generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const demo = loadDemoFixture();
    const a = generateTenant(demo, { users: 500, seed: 7 });
    assert.deepEqual(generateTenant(demo, { users: 500, seed: 7 }), a);
    assert.notDeepEqual(generateTenant(demo, { users: 500, seed: 8 }), a);
  });

  it('keeps the demo tenant and adds users, groups and mailbox findings of the same shape', () => {
    const demo = loadDemoFixture() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const t = generateTenant(demo as never, { users: 1000, seed: 1 }) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.equal(t.users.length, demo.users.length + 1000);
    assert.equal(t.groups.length, demo.groups.length + 40);
    assert.equal(new Set(t.users.map((u: { id: string }) => u.id)).size, t.users.length);
    assert.ok(t.mailboxes.inboxRules.length > demo.mailboxes.inboxRules.length);
    assert.ok(t.mailboxes.auditDisabled.length > demo.mailboxes.auditDisabled.length);
    assert.deepEqual(t.accessPackages, demo.accessPackages);
  });

  describe('served by the emulator', () => {
    let emu: Emulator;
    before(async () => {
      emu = await startEmulator({ fixture: generateTenant(loadDemoFixture(), { users: 2000, seed: 3 }) });
    });
    after(() => emu.stop());

    it('pages all users at $top=999', async () => {
      const client = graphClient(emu, appCredential(emu));
      let page = await client.api('/users').top(999).select(['id']).get();
      let count = page.value.length;
      while (page['@odata.nextLink']) {
        page = await client.api(page['@odata.nextLink']).get();
        count += page.value.length;
      }
      assert.equal(count, 2016);
    });
  });
});
