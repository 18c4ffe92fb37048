import type { ActivityHandler } from 'botbuilder';
import restify from 'restify';
import { serveLegalPages } from './pages/legalPages';
import type { Logger } from '../services/logger';
import type { GatekeeperAdapter } from './adapter';
import type { HttpRoute } from './flow';
import { readActivity } from './inbound/activityShape';
import { isLoopbackServiceUrl } from './inbound/serviceUrl';
import { runReadiness, type ReadinessCheck } from './readiness';
import { attachTurnLog } from './turnLog';

/** What the HTTP server needs. */
export interface BotServerDeps {
  adapter: GatekeeperAdapter;
  bot: ActivityHandler;
  logger: Logger;
  readiness: readonly ReadinessCheck[];
  /** GET routes of the flows (e.g. CSV downloads); they check their own signed links. */
  routes?: readonly HttpRoute[];
  /** Demo mode (no app id, so no auth): refuse activities whose replies would leave this machine. */
  loopbackServiceUrlOnly?: boolean;
}

/** The restify server plus what graceful shutdown needs to know. */
export interface BotServer {
  server: restify.Server;
  /** Refuses new turns from now on (503), so a load balancer moves on. */
  stopAccepting(): void;
  /** Resolves when every turn in flight has finished, or after timeoutMs; returns how many were left. */
  drain(timeoutMs: number): Promise<number>;
}

/**
 * Builds the server: POST /api/messages, GET /healthz (alive), GET /readyz (dependencies answer).
 * Hazard: loading restify patches http.ServerResponse for the whole process; its writeHead no longer
 * returns `this`, so other HTTP servers in the process must not chain `res.writeHead(...).end()`.
 */
export function createBotServer(deps: BotServerDeps): BotServer {
  const server = restify.createServer({ name: 'gatekeeper', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
  let inFlight = 0;
  let accepting = true;
  const idle: (() => void)[] = [];

  server.post('/api/messages', async (req, res) => {
    if (!accepting) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    const requestId = req.getId();
    const read = readActivity(req.body);
    if (!read.ok) {
      deps.logger.warn({ requestId, reason: read.reason }, 'inbound request refused: not an activity');
      res.send(400, { code: 'BadActivity', message: read.reason });
      return;
    }
    const activity = read.activity;
    if (deps.loopbackServiceUrlOnly && !isLoopbackServiceUrl(activity.serviceUrl)) {
      deps.logger.warn({ requestId }, 'inbound request refused: serviceUrl is not loopback (demo mode)');
      res.send(400, {
        code: 'BadServiceUrl',
        message: 'Demo mode only answers activities whose serviceUrl is on this machine (loopback).',
      });
      return;
    }
    inFlight += 1;
    try {
      const authHeader = req.header('authorization') ?? '';
      const answer = await deps.adapter.processInbound(activity, authHeader, async (context) => {
        const log = attachTurnLog(context, deps.logger, requestId);
        log.debug('turn');
        await deps.bot.run(context);
      });
      if (answer.refused) {
        const { reason, detail, status } = answer.refused;
        deps.logger.warn(
          { requestId, reason, detail, status },
          'inbound request refused: authentication failed',
        );
        res.send(answer.status);
        return;
      }
      res.send(answer.status, answer.body);
    } catch (err) {
      deps.logger.error({ err, requestId }, 'request failed outside a turn');
      if (!res.headersSent) res.send(500);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) idle.splice(0).forEach((resolve) => resolve());
    }
  });

  serveLegalPages(server);
  for (const route of deps.routes ?? []) {
    server.get(route.path, async (req, res) => {
      try {
        const query = new URL(req.url ?? '/', 'http://local').searchParams;
        const answer = await route.handle({ params: (req.params ?? {}) as Record<string, string>, query });
        res.writeHead(answer.status, { 'Cache-Control': 'no-store', ...answer.headers });
        res.end(answer.body);
      } catch (err) {
        deps.logger.error({ err, path: route.path }, 'route failed');
        if (!res.headersSent) res.send(500);
      }
    });
  }

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    if (!accepting) {
      res.send(503, { status: 'unavailable', checks: { server: 'shutting down' } });
      return;
    }
    const report = await runReadiness(deps.readiness);
    if (!report.ready) deps.logger.warn({ checks: report.checks }, 'not ready');
    res.send(report.ready ? 200 : 503, {
      status: report.ready ? 'ready' : 'unavailable',
      checks: report.checks,
    });
  });

  return {
    server,
    stopAccepting: () => {
      accepting = false;
    },
    drain: (timeoutMs) => {
      if (inFlight === 0) return Promise.resolve(0);
      return new Promise<number>((resolve) => {
        const timer = setTimeout(() => resolve(inFlight), timeoutMs);
        idle.push(() => {
          clearTimeout(timer);
          resolve(0);
        });
      });
    },
  };
}
