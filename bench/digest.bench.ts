import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import pino from 'pino';
import { MemoryAuditLog } from '../services/adapters/memory/memoryAuditLog';
import { MemoryDigestStore } from '../services/adapters/memory/memoryDigestStore';
import { createGraphGateway } from '../services/adapters/graph/createGraphGateway';
import { systemClock } from '../services/clock';
import { DigestRunner } from '../services/digest/digestRunner';
import { MailCollector } from '../services/digest/mailCollector';
import { atMost, correct, type BenchResult, type Benchmark } from './harness';

const MAILBOXES = Number(process.env.DIGEST_BENCH_USERS ?? 50_000);
/** The throttled run's bucket: requests per second per app, per API (Graph and Exchange apart). */
const REFILL = Number(process.env.DIGEST_BENCH_REFILL ?? 500);

interface Tenant {
  url: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  control: string;
  child: ChildProcess;
}

async function startTenant(): Promise<Tenant> {
  const child = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), resolve(__dirname, 'digestEmulator.ts'), String(MAILBOXES)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    },
  );
  const line = await new Promise<string>((ok, fail) => {
    createInterface({ input: child.stdout! }).once('line', ok);
    child.once('exit', (code) => fail(new Error(`the tenant process exited (${code})`)));
  });
  return { ...(JSON.parse(line) as Omit<Tenant, 'child'>), child };
}

const control = async (t: Tenant, path: string) =>
  (await (await fetch(`${t.control}${path}`)).json()) as { counts: Record<string, number>; rss: number };

/** One full collection (mail, score, governance) as the weekly job runs it; returns time, peak RSS, counts. */
async function collect(t: Tenant, label: string) {
  const graph = createGraphGateway({
    baseUrl: t.url,
    authorityHost: t.url,
    exchangeBaseUrl: t.url,
    tenantId: t.tenantId,
    clientId: t.clientId,
    clientSecret: t.clientSecret,
    logger: pino({ level: process.env.BENCH_LOG ?? 'silent' }),
  });
  const store = new MemoryDigestStore();
  const logger = pino({ level: 'silent' });
  const runner = new DigestRunner({
    store,
    mail: new MailCollector({
      exchange: graph.exchange,
      reports: graph.securityReports,
      store,
      logger,
      chunkSize: 1000,
      exchangeConcurrency: 16,
    }),
    reports: graph.securityReports,
    governance: {
      reports: graph.securityReports,
      audit: new MemoryAuditLog(),
      entitlement: graph.entitlement,
      pim: graph.pim,
      reviews: graph.reviews,
    },
    clock: systemClock,
    logger,
  });
  await control(t, '/reset');
  const baseMb = process.memoryUsage().rss / 1e6;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = performance.now();
  const run = await runner.run(`bench:${label}`, 'weekly', new Date());
  const ms = performance.now() - started;
  clearInterval(sampler);
  const { counts } = await control(t, '/stats');
  return {
    run,
    ms,
    peakMb: Math.max(peak, process.memoryUsage().rss) / 1e6,
    baseMb,
    counts,
    findings: (await store.findings(run.id)).length,
  };
}

/** The digest at 50,000 mailboxes: requests per mailbox, wall time against the throttle floor, peak RSS. */
export const digestGroup = {
  names: ['digest'],
  start: async () => {
    console.log(`Digest: generating a tenant of ${MAILBOXES} users in a process of its own…`);
    const tenant = await startTenant();
    const benchmark: Benchmark = {
      name: 'digest',
      async run(): Promise<BenchResult[]> {
        const free = await collect(tenant, 'free');
        const n = free.run.summary!.mailboxCount;
        const graphReqs = (free.counts.graph ?? 0) + (free.counts['graph:429'] ?? 0);
        const exchangeReqs = (free.counts.exchange ?? 0) + (free.counts['exchange:429'] ?? 0);
        await control(tenant, `/throttle?capacity=100&refill=${REFILL}`);
        const throttled = await collect(tenant, 'throttled');
        await control(tenant, '/throttle');
        // The floor: the busier API's requests at the bucket's rate (the two APIs are throttled apart),
        // or the unthrottled run's own time when the machine is slower than the bucket.
        const floorMs = Math.max((Math.max(graphReqs, exchangeReqs) / REFILL) * 1000, free.ms);
        const problems = [
          ...(n < MAILBOXES ? [`${n} mailboxes checked`] : []),
          ...(throttled.findings !== free.findings
            ? [`throttled run found ${throttled.findings}, free ${free.findings}`]
            : []),
        ];
        return [
          correct(
            'digest: every mailbox checked, throttled or not',
            problems,
            `${n} mailboxes, ${free.findings} findings`,
          ),
          atMost('digest: Graph requests per mailbox', graphReqs / n, 0.06, 'req'),
          {
            name: 'digest: Exchange requests per mailbox',
            value: `${(exchangeReqs / n).toFixed(3)} req`,
            target: 'reported (Get-MailboxPermission has no tenant-wide form)',
            pass: true,
          },
          {
            name: 'digest: wall time, unthrottled',
            value: `${(free.ms / 1000).toFixed(1)} s`,
            target: 'reported',
            pass: true,
          },
          atMost(
            `digest: wall time throttled at ${REFILL}/s ÷ floor (${(floorMs / 1000).toFixed(1)} s)`,
            throttled.ms / floorMs,
            2,
            '×',
          ),
          {
            name: 'digest: 429s answered in the throttled run',
            value: String(
              (throttled.counts['graph:429'] ?? 0) +
                (throttled.counts['exchange:429'] ?? 0) +
                (throttled.counts['graph:item:429'] ?? 0),
            ),
            target: 'reported',
            pass: true,
          },
          atMost('digest: peak RSS of the collector', Math.max(free.peakMb, throttled.peakMb), 300, 'MB'),
          {
            name: 'digest: RSS before the run (the bench process, every benchmark loaded)',
            value: `${free.baseMb.toFixed(0)} MB`,
            target: 'reported',
            pass: true,
          },
          {
            name: 'digest: Graph requests on the wire (and the requests they carried in $batch)',
            value: `${free.counts.graph ?? 0} (${free.counts['graph:item'] ?? 0} items batched)`,
            target: 'reported',
            pass: true,
          },
        ];
      },
    };
    return { benchmarks: [benchmark], stop: async () => void tenant.child.kill() };
  },
};
