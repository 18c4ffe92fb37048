/**
 * One digest collection (mail, score, governance) as the weekly job runs it, in a process of its own:
 * the bench process has every benchmark's modules loaded, which is not the collector's memory. Reads
 * the tenant (JSON) from argv, prints one JSON line: time, peak RSS, live heap after a full GC, counts.
 */
import pino from 'pino';
import { MemoryAuditLog } from '../services/adapters/memory/memoryAuditLog';
import { MemoryDigestStore } from '../services/adapters/memory/memoryDigestStore';
import { createGraphGateway } from '../services/adapters/graph/createGraphGateway';
import { systemClock } from '../services/clock';
import { DigestRunner } from '../services/digest/digestRunner';
import { MailCollector } from '../services/digest/mailCollector';

async function main() {
  const t = JSON.parse(process.argv[2]!) as Record<string, string>;
  const graph = createGraphGateway({
    baseUrl: t.url!,
    authorityHost: t.url!,
    exchangeBaseUrl: t.url!,
    tenantId: t.tenantId!,
    clientId: t.clientId!,
    clientSecret: t.clientSecret!,
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
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  gc();
  const baseMb = process.memoryUsage().rss / 1e6;
  let peak = process.memoryUsage().rss;
  let live = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = performance.now();
  // The live set every 10,000 mailboxes (after a full GC): what the collector holds, garbage aside.
  const advance = store.updateRun.bind(store);
  store.updateRun = async (...args) => {
    if ((args[2].progress?.cursor ?? 1) % 10_000 === 0) {
      gc();
      live = Math.max(live, process.memoryUsage().heapUsed / 1e6);
    }
    return advance(...args);
  };
  const run = await runner.run(`bench:${process.argv[3] ?? 'run'}`, 'weekly', new Date());
  const ms = performance.now() - started;
  clearInterval(sampler);
  const result = {
    ms,
    peakMb: Math.max(peak, process.memoryUsage().rss) / 1e6,
    baseMb,
    liveMb: live,
    mailboxCount: run.summary?.mailboxCount ?? 0,
    findings: (await store.findings(run.id)).length,
  };
  console.log(JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
