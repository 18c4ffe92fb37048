import { strict as assert } from 'node:assert';
import jwt from 'jsonwebtoken';
import { createDirectory, loadDemoFixture } from '../../../../emulator';
import { AppRegistry, gatekeeperApp } from '../../../../emulator/identity/apps';
import { TokenIssuer } from '../../../../emulator/identity/tokenIssuer';
import { UserTokenStore } from '../../../../emulator/identity/userTokenStore';
import { systemClock } from '../../../../services/clock';

describe('emulator: the token service store', () => {
  const appId = '11111111-2222-4333-8444-555555555555';
  const fixture = loadDemoFixture();
  const issuer = new TokenIssuer(
    fixture.tenant.id,
    'https://localhost:1',
    new AppRegistry([gatekeeperApp(appId, 's')]),
    createDirectory(fixture, systemClock),
    appId,
  );
  const adele = issuer.user('AdeleV').id;
  let now: number;
  let store: UserTokenStore;
  beforeEach(() => {
    now = Date.parse('2026-03-02T09:00:00Z');
    store = new UserTokenStore(issuer, () => now);
  });

  it('has nothing for a user who did not sign in', () => {
    assert.equal(store.current(adele, 'graph'), undefined);
  });

  it('hands out the same token until it nears its end, then renews it for the same session', () => {
    const signedIn = store.signIn(adele, 'graph', { amr: ['pwd', 'mfa'], acrs: ['c1'] });
    now += 54 * 60_000;
    assert.equal(store.current(adele, 'graph')!.token, signedIn.token, 'same token 54 minutes later');
    now += 2 * 60_000;
    const renewed = store.current(adele, 'graph')!;
    assert.notEqual(renewed.token, signedIn.token, 'renewed within five minutes of its end');
    assert.equal(renewed.expiresAt, now + 3_600_000);
    const claims = jwt.decode(renewed.token) as { amr: string[]; acrs: string[]; oid: string };
    assert.deepEqual([claims.oid, claims.amr, claims.acrs], [adele, ['pwd', 'mfa'], ['c1']]);
    assert.equal(store.current(adele, 'graph')!.token, renewed.token);
  });

  it('keeps connections apart, and signs out of one or all', () => {
    store.signIn(adele, 'graph');
    store.signIn(adele, 'other');
    store.signOut(adele, 'GRAPH');
    assert.equal(store.current(adele, 'graph'), undefined);
    assert.ok(store.current(adele, 'other'));
    store.signOut(adele);
    assert.equal(store.current(adele, 'other'), undefined);
  });

  it('redeems a finished sign-in once, with its code, before the code expires', () => {
    const flow = store.startFlow(adele, 'graph', '');
    const code = store.finishFlow(flow, { amr: ['pwd'], acrs: [] })!;
    assert.equal(store.finishFlow(flow, { amr: ['pwd'], acrs: [] }), undefined, 'a flow finishes once');
    now += 11 * 60_000;
    assert.equal(store.redeem(adele, 'graph', code), undefined, 'expired after ten minutes');
    const again = store.finishFlow(store.startFlow(adele, 'graph', ''), { amr: ['pwd'], acrs: [] })!;
    assert.ok(store.redeem(adele, 'graph', again));
    assert.equal(store.redeem(adele, 'graph', again), undefined);
  });
});
