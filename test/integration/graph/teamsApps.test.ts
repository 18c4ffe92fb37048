import { strict as assert } from 'node:assert';
import { createGraphGateway } from '../../../services/adapters/graph/createGraphGateway';
import { ForbiddenError, NotFoundError } from '../../../services/ports/graphErrors';
import { teamsAppsContract } from '../../contracts/graph/teamsApps.contract';
import { userId } from '../../contracts/graph/context';
import { startGraphHarness, type GraphHarness } from './harness';

const INSTALLS = /^\/v1\.0\/users\/[^/]+\/teamwork\/installedApps$/;

describe('GraphTeamsAppsGateway against the Graph emulator', () => {
  let h: GraphHarness;
  before(async () => {
    h = await startGraphHarness();
  });
  after(() => h?.stop());
  teamsAppsContract(() => h);

  it('looks the catalog id up once by manifest id, then installs over real HTTPS, app-only', async () => {
    const teamsApps = createGraphGateway(h.options).teamsApps!;
    const log = h.emulator.requestLog;
    log.clear();
    // Two at once: they share one lookup.
    await Promise.all([teamsApps.installForUser(userId('MeganB')), teamsApps.installForUser(userId('LeeG'))]);
    const lookups = log.find({ method: 'GET', path: '/v1.0/appCatalogs/teamsApps' });
    assert.equal(lookups.length, 1, 'the catalog id is kept');
    assert.equal(
      new URLSearchParams(lookups[0]!.query).get('$filter'),
      `externalId eq '${h.options.teamsAppId}'`,
    );
    const posts = log.find({ method: 'POST', path: INSTALLS });
    assert.deepEqual(
      posts.map((p) => [p.path, p.status, p.userId]).sort(),
      [
        [`/v1.0/users/${userId('MeganB')}/teamwork/installedApps`, 201, undefined],
        [`/v1.0/users/${userId('LeeG')}/teamwork/installedApps`, 201, undefined],
      ].sort(),
    );
    assert.deepEqual(
      h.emulator.teamsApps.installedFor(userId('MeganB')).map((i) => i.app.displayName),
      ['Gatekeeper'],
    );
  });

  it('rides out a 503 on the install (the client retries)', async () => {
    h.emulator.knobs.failNext(1, { status: 503, path: INSTALLS });
    assert.equal(await h.gateways.teamsApps!.installForUser(userId('NestorW')), 'installed');
  });

  it('throws ForbiddenError when the app lacks TeamsAppInstallation.ReadWriteSelfForUser.All', async () => {
    h.emulator.tokens.registerApp({
      clientId: 'catalog-reader',
      clientSecret: 's',
      displayName: 'Catalog reader',
      graphRoles: ['AppCatalog.Read.All'],
      exchangeRoles: [],
      delegatedScopes: [],
    });
    const weak = createGraphGateway({ ...h.options, clientId: 'catalog-reader', clientSecret: 's' });
    await assert.rejects(weak.teamsApps!.installForUser(userId('JoniS')), ForbiddenError);
    assert.deepEqual(h.emulator.teamsApps.installedFor(userId('JoniS')), []);
  });

  it('throws NotFoundError when the app is not in the catalog, and looks again next time', async () => {
    const unknown = createGraphGateway({ ...h.options, teamsAppId: '0f0f0f0f-0000-4000-8000-000000000000' });
    const log = h.emulator.requestLog;
    log.clear();
    for (let i = 0; i < 2; i++) {
      await assert.rejects(
        unknown.teamsApps!.installForUser(userId('JoniS')),
        (e: unknown) => e instanceof NotFoundError && e.graphCode === 'TeamsAppNotInCatalog',
      );
    }
    assert.equal(log.count({ method: 'GET', path: '/v1.0/appCatalogs/teamsApps' }), 2);
    assert.equal(log.count({ method: 'POST', path: INSTALLS }), 0);
  });
});
