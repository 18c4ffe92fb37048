import { strict as assert } from 'node:assert';
import type { Recorded } from '../../../emulator/teams/channel';
import { ROLE } from '../../../emulator/tenant/directoryRoles';
import { textOf } from '../access/accessApp';
import { startDigestApp } from './digestApp';

const isDigest = (r: Recorded) => r.op !== 'update' && /Weekly audit digest/.test(textOf(r));

describe('e2e digest: recipients by role (Security Administrator) and by name', () => {
  let app: Awaited<ReturnType<typeof startDigestApp>>;
  before(async () => {
    app = await startDigestApp({
      env: {
        DIGEST_RECIPIENTS: 'PattiF@contoso.com',
        DIGEST_RECIPIENT_ROLES: ROLE.securityAdministrator,
      },
    });
    for (const alias of ['IsaiahL', 'PattiF', 'MeganB', 'AdeleV', 'AlexW']) await app.channel.install(alias);
    // Megan holds the role permanently; Isaiah is only eligible for it in PIM (the demo tenant's seed).
    app.emulator.roles.assign(app.channel.user('MeganB').aadObjectId, ROLE.securityAdministrator);
  });
  after(async () => {
    await app.stop();
  });

  it("goes to the role's holders, eligible or assigned, and to the user named; to no one else", async () => {
    const mark = app.channel.recorder.mark();
    app.clock.set(new Date('2026-11-30T08:00:00Z'));
    for (const alias of ['IsaiahL', 'MeganB', 'PattiF'])
      await app.channel.waitFor((r) => r.alias === alias && isDigest(r), 20_000, mark);
    await new Promise((r) => setTimeout(r, 300));
    for (const alias of ['IsaiahL', 'MeganB', 'PattiF'])
      assert.equal(app.channel.sentTo(alias).filter(isDigest).length, 1, `${alias} got one digest`);
    // Alex is eligible for other roles (Helpdesk, User Administrator), Adele holds none.
    for (const alias of ['AdeleV', 'AlexW'])
      assert.equal(app.channel.sentTo(alias).filter(isDigest).length, 0, `${alias} got none`);
  });

  it('a holder may ask for it; a user who holds no such role may not', async () => {
    let mark = app.channel.recorder.mark();
    await app.channel.send('MeganB', 'digest now');
    const ack = await app.channel.waitFor((r) => r.alias === 'MeganB', 5_000, mark);
    assert.match(textOf(ack), /Collecting your audit digest/);
    mark = app.channel.recorder.mark();
    await app.channel.send('AlexW', 'digest now');
    const refusal = await app.channel.waitFor((r) => r.alias === 'AlexW', 5_000, mark);
    assert.match(textOf(refusal), /goes to its recipients only/);
  });
});
