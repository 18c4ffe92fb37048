import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { atMost, correct, type BenchResult, type Benchmark } from './harness';

const MAILBOXES = Number(process.env.DIGEST_BENCH_USERS ?? 50_000);
/** Users to generate: about 3% of them are guests (1.04: a margin), who have no mailbox. */
const USERS = Math.ceil(MAILBOXES * 1.04);
/** The throttled run's bucket: requests per second per app, per API (Graph and Exchange apart). */
const REFILL = Number(process.env.DIGEST_BENCH_REFILL ?? 500);

interface Tenant {
  url: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  control: string;
  /** Mailboxes the tenant has (its members; guests have none). */
  mailboxes: number;
  child: ChildProcess;
}

async function startTenant(): Promise<Tenant> {
  const child = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), resolve(__dirname, 'digestEmulator.ts'), String(USERS)],
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

/**
 * The collector's heap limit, as a container sized for it would set it (NODE_OPTIONS, or Node's own
 * sizing from the cgroup limit). Without one, on this 24 GB machine V8 lets garbage pile up to several
 * times the live set before a full GC, and peak RSS measures that laziness, not what the collector holds.
 */
const HEAP_MB = Number(process.env.DIGEST_BENCH_HEAP_MB ?? 160);

interface Collected {
  ms: number;
  peakMb: number;
  baseMb: number;
  liveMb: number;
  mailboxCount: number;
  findings: number;
  counts: Record<string, number>;
}

/** One full collection (mail, score, governance) in a process of its own; time, memory, counts. */
async function collect(t: Tenant, label: string): Promise<Collected> {
  await control(t, '/reset');
  const { child: _child, ...tenant } = t;
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      `--max-old-space-size=${HEAP_MB}`,
      '--import',
      'tsx',
      resolve(__dirname, 'digestCollector.ts'),
      JSON.stringify(tenant),
      label,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
  );
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push(l));
  const code = await new Promise<number | null>((ok) => child.once('exit', ok));
  const last = lines.filter((l) => l.startsWith('{')).at(-1);
  if (code !== 0 || !last) throw new Error(`the collector exited (${code})`);
  const { counts } = await control(t, '/stats');
  return { ...(JSON.parse(last) as Omit<Collected, 'counts'>), counts };
}

/** The digest at 50,000 mailboxes: requests per mailbox, wall time against the throttle floor, peak RSS. */
export const digestGroup = {
  names: ['digest'],
  start: async () => {
    console.log(`Digest: generating a tenant of ${USERS} users in a process of its own…`);
    const tenant = await startTenant();
    const benchmark: Benchmark = {
      name: 'digest',
      async run(): Promise<BenchResult[]> {
        const free = await collect(tenant, 'free');
        const n = free.mailboxCount;
        const graphReqs = (free.counts.graph ?? 0) + (free.counts['graph:429'] ?? 0);
        const exchangeReqs = (free.counts.exchange ?? 0) + (free.counts['exchange:429'] ?? 0);
        await control(tenant, `/throttle?capacity=100&refill=${REFILL}`);
        const throttled = await collect(tenant, 'throttled');
        await control(tenant, '/throttle');
        const c429 = (key: string) => throttled.counts[key] ?? 0;
        // The floor: the busier API's requests at the bucket's rate (the two APIs are throttled apart),
        // or the unthrottled run's own time when the machine is slower than the bucket.
        const floorMs = Math.max((Math.max(graphReqs, exchangeReqs) / REFILL) * 1000, free.ms);
        const problems = [
          ...(n < tenant.mailboxes ? [`${n} of ${tenant.mailboxes} mailboxes checked`] : []),
          ...(n < MAILBOXES ? [`the tenant has ${n} mailboxes, fewer than ${MAILBOXES}`] : []),
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
          // Per 1,000 mailboxes: the table prints one decimal, and 0.054 per mailbox would read "0.1".
          atMost('digest: Graph requests per 1,000 mailboxes', (graphReqs / n) * 1000, 60, 'req'),
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
            name: 'digest: 429s answered in the throttled run (Exchange, Graph, Graph $batch items)',
            value: `${c429('exchange:429') + c429('graph:429') + c429('graph:item:429')} (${c429('exchange:429')}, ${c429('graph:429')}, ${c429('graph:item:429')})`,
            target: 'reported',
            pass: true,
          },
          atMost(
            `digest: peak RSS of the collector (own process, heap limit ${HEAP_MB} MB)`,
            Math.max(free.peakMb, throttled.peakMb),
            300,
            'MB',
          ),
          {
            name: 'digest: live heap of the collector (after a full GC, every 10,000 mailboxes)',
            value: `${Math.max(free.liveMb, throttled.liveMb).toFixed(0)} MB`,
            target: 'reported',
            pass: true,
          },
          {
            name: 'digest: RSS of the collector process before the run',
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
