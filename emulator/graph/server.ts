import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { systemClock } from '../../services/clock';
import { ExchangeMailboxes } from '../exchange/mailboxes';
import { exchangeHandler } from '../exchange/handler';
import { AppRegistry, gatekeeperApp } from '../identity/apps';
import { authorityHandler } from '../identity/authority';
import { BotFrameworkChannelIdentity } from '../identity/botFrameworkChannel';
import { botFrameworkHandler } from '../identity/botFrameworkHandler';
import { TokenGrants } from '../identity/tokenGrants';
import { EXCHANGE_AUDIENCE, TokenIssuer } from '../identity/tokenIssuer';
import { tokenServiceHandler } from '../identity/tokenService';
import { UserTokenStore } from '../identity/userTokenStore';
import { createDirectory } from '../tenant/directory';
import { seedDirectoryRoles } from '../tenant/directoryRoles';
import { coreFixture } from '../tenant/fixture';
import { loadDevTls } from '../tls/devCa';
import { loadDemoFixture, type Emulator, type EmulatorOptions } from './emulatorOptions';
import { runBatch } from './batch';
import { graphHandler } from './graphHandler';
import { readRequest, writeResponse, type HttpHandler } from './http';
import { Knobs } from './knobs';
export { loadDemoFixture, type Emulator, type EmulatorOptions } from './emulatorOptions';
import { DirectoryAuditLog } from './modules/audit/directoryAudits';
import { coreModules, governanceModules } from './modules';
import { TeamsAppCatalog } from './modules/teamwork/teamsAppCatalog';
import { GraphPipeline } from './pipeline';
import { logged, RequestLog } from './requestLog';
import { RouteTable } from './routeTable';

/** Wall-clock milliseconds with performance.now()'s resolution, comparable across threads. */
function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Starts the Graph, identity, token service and Exchange emulator on one local HTTPS origin. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const fixture = opts.fixture ?? loadDemoFixture();
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? pino({ level: 'silent' });
  const clientId = opts.clientId ?? '11111111-2222-4333-8444-555555555555';
  const clientSecret = opts.clientSecret ?? 'emulator-secret';
  const handlers: HttpHandler[] = [];
  const server = createServer(opts.tls ?? loadDevTls(), (req, res) => {
    const from = epochNow();
    res.once('finish', () => requestLog.served(from, epochNow()));
    void (async () => {
      const incoming = await readRequest(req, url);
      if (knobs.latencyMs > 0) await new Promise((r) => setTimeout(r, knobs.latencyMs));
      for (const handler of handlers) {
        const out = await handler(incoming);
        if (out) return writeResponse(res, out);
      }
      writeResponse(res, {
        status: 404,
        body: { error: { code: 'NotFound', message: `Nothing at ${incoming.url.pathname}.` } },
      });
    })().catch((err: unknown) => {
      logger.error({ err }, 'emulator: request failed');
      if (!res.headersSent)
        writeResponse(res, {
          status: 500,
          body: { error: { code: 'InternalServerError', message: 'Emulator failure.' } },
        });
    });
  });
  const port = await listen(server, opts.port ?? 0);
  const url = `https://localhost:${port}`;

  const f = coreFixture(fixture);
  const tenantId = f.tenant.id;
  const aliases = f.tenant.verifiedDomains ?? [];
  const directory = createDirectory(fixture, clock);
  const knobs = new Knobs();
  const requestLog = new RequestLog();
  const apps = new AppRegistry([gatekeeperApp(clientId, clientSecret)]);
  const issuer = new TokenIssuer(tenantId, url, apps, directory, opts.botAppId ?? clientId);
  const userTokens = new UserTokenStore(issuer);
  const auditLog = new DirectoryAuditLog(clock, directory, {
    activations: f.pim?.recentActivations ?? [],
    roles: f.pim?.roles ?? [],
  });
  const teamsApps = new TeamsAppCatalog(fixture, clientId);
  const routes = new RouteTable();
  const roles = seedDirectoryRoles(clock, (alias) => directory.userByAlias(alias));
  const ctx = {
    clock,
    directory,
    roles,
    fixture,
    newId: randomUUID,
    auditLog,
    processingDelayMs: () => knobs.processingDelayMs,
  };
  const core = coreModules({ directory, auditLog, teamsApps });
  for (const m of [...core, ...(opts.modules ?? governanceModules())]) routes.add(m.routes(ctx));
  const botFramework = new BotFrameworkChannelIdentity(url);
  const pipeline = new GraphPipeline({ routes, issuer, knobs, log: requestLog, logger, batch: runBatch });

  handlers.push(
    authorityHandler({
      issuer,
      grants: new TokenGrants(issuer, { [`${url}/.default`]: EXCHANGE_AUDIENCE }),
      tenantAliases: aliases,
      log: requestLog,
    }),
    logged('botFramework', requestLog, botFrameworkHandler(botFramework)),
    logged(
      'tokenService',
      requestLog,
      tokenServiceHandler({ issuer, directory, store: userTokens, fixture: f }),
    ),
    exchangeHandler({
      issuer,
      mailboxes: new ExchangeMailboxes(fixture, directory),
      knobs,
      log: requestLog,
      tenantAliases: aliases,
    }),
    graphHandler(pipeline),
  );
  logger.info({ url, tenantId }, 'emulator: listening');

  return {
    url,
    tenantId,
    clientId,
    clientSecret,
    knobs,
    requestLog,
    directory,
    roles,
    auditLog,
    teamsApps,
    tokens: {
      userAssertion: (a, o) => issuer.userAssertion(a, o),
      signIn: (a, connection, o = {}) =>
        userTokens.signIn(issuer.user(a).id, connection, {
          amr: o.mfa ? ['pwd', 'mfa'] : ['pwd'],
          acrs: o.acrs,
        }).token,
      signOut: (a, connection) => userTokens.signOut(issuer.user(a).id, connection),
      userTokens,
      registerApp: (app) => apps.register(app),
      issuer,
      botFramework,
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
