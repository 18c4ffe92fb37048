import { MongoClient, type Db } from 'mongodb';
import pino from 'pino';
import { accessGateways } from '../../../bot/flows/access/graphGateways';
import { Prng } from '../../../emulator/tenant/prng';
import { accessItems, crashVerdict, type CrashVerdict } from './crashVerdict';
import { playFlow, type FlowPlan, type FlowRun } from './crashFlows';
import { APPROVERS, crashTenant, REQUESTERS, type CrashPackage } from './crashTenant';
import { CrashWorld, type CrashDb } from './crashWorld';
import { fastForwardDeadBot } from './fastForward';

export interface CrashRunOptions {
  seed: number;
  kills: number;
  /** At least this many flows are played, more while kills remain (each requests a package of its own). */
  minFlows: number;
  maxFlows: number;
  /** Flows played at once. */
  concurrency: number;
  /** How long each bot runs before its SIGKILL, drawn uniformly from this range (ms). */
  killAfterMs: [number, number];
  /** How long the people of one flow keep clicking and waiting for cards before they give up (ms). */
  flowTimeoutMs: number;
  /** How long the last bot gets to finish everything once the people are done (ms). */
  settleMs: number;
  db: CrashDb;
  /** The bot's main.js built by tsc (see startBotProcess); else bot/main.ts under tsx. */
  compiled?: string;
  log?: (line: string) => void;
}

/** What a crash run did, and what the comparison found. */
export interface CrashReport extends CrashVerdict {
  kills: number;
  /** Kills that found an item leased: the bot was running effects (or a turn was about to). */
  killsMidEffect: number;
  /** Half-done conditional writes the kills left (rolled forward before the next bot started). */
  markersLeft: number;
  flows: number;
  seconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A crash run: the bot as a process of its own, flows played against it by several people at once,
 * SIGKILLs at seeded random moments, each followed by a new bot; then the last bot settles and the store
 * is compared with Graph and with what the channel received (see crashVerdict).
 */
export async function crashRun(o: CrashRunOptions): Promise<CrashReport> {
  const started = performance.now();
  const log = o.log ?? (() => undefined);
  const prng = new Prng(o.seed);
  const { fixture, packages } = crashTenant(o.maxFlows);
  const plans = planFlows(prng, packages, o.maxFlows);
  const world = await CrashWorld.start(fixture, o.db, [...REQUESTERS, ...APPROVERS], o.compiled);
  const client = await MongoClient.connect(o.db.uri);
  const db = client.db(o.db.dbName);
  let killing = true;
  try {
    const runs: FlowRun[] = [];
    let next = 0;
    const worker = async (w: number) => {
      const delays = new Prng(o.seed * 31 + w);
      while (next < plans.length && (killing || next < o.minFlows)) {
        const plan = plans[next++]!;
        await sleep(delays.int(500));
        runs.push(await playFlow(world.channel, plan, o.flowTimeoutMs));
      }
    };
    const workers = Array.from({ length: o.concurrency }, (_, w) => worker(w));
    const report = { kills: 0, killsMidEffect: 0, markersLeft: 0 };
    const killMarks: number[] = [];
    for (; report.kills < o.kills; report.kills++) {
      const [min, max] = o.killAfterMs;
      await sleep(min + prng.int(max - min));
      await world.killBot();
      // The server may still be applying the dead bot's last command, and the channel reading its last
      // request (written before the kill); let them land first, so that what the channel records after
      // the mark comes from the next bot only.
      await sleep(100);
      killMarks.push(world.channel.recorder.mark());
      const left = await fastForwardDeadBot(db);
      if (left.items > 0) report.killsMidEffect++;
      report.markersLeft += left.markers;
      const down = performance.now();
      await world.startBot();
      log(
        `kill ${report.kills + 1}: ${left.items} item(s) leased, ${left.markers} marker(s) left; up again in ${Math.round(performance.now() - down)} ms`,
      );
    }
    killing = false;
    await Promise.all(workers);
    await settle(db, o.settleMs);
    const verdict = await crashVerdict({
      runs,
      db,
      emulator: world.emulator,
      entitlement: entitlementOf(world),
      sent: world.channel.recorder.all(),
      killMarks,
    });
    const seconds = Math.round((performance.now() - started) / 1000);
    return { ...verdict, ...report, flows: runs.length, seconds };
  } catch (err) {
    killing = false; // no new flows; those under way give up once the world is stopped
    log(world.starts > 0 ? `last bot output:\n${safeOutput(world)}` : 'no bot started');
    throw err;
  } finally {
    await client.close();
    await world.stop();
  }
}

/** A package of its own per flow; three in four need approval, which is granted seven times in ten. */
function planFlows(prng: Prng, packages: CrashPackage[], count: number): FlowPlan[] {
  const approval = packages.filter((p) => p.approval);
  const open = packages.filter((p) => !p.approval);
  return Array.from({ length: count }, () => {
    const requester = prng.pick(REQUESTERS);
    if (!prng.chance(0.75)) return { requester, pkg: open.shift()! };
    const decision = prng.chance(0.7) ? 'approve' : 'deny';
    return { requester, pkg: approval.shift()!, approver: prng.pick(APPROVERS), decision };
  });
}

/** Waits until every request has ended and nothing of it is leased or pending, or `ms` have passed. */
async function settle(db: Db, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const now = new Date();
    const busy = (await accessItems(db)).some(
      (i) =>
        !['delivered', 'denied', 'canceled', 'failed'].includes(i.state) ||
        (i.lease && i.lease.until > now) ||
        i.outbox.some((e) => !e.doneAt),
    );
    if (!busy) return;
    await sleep(250);
  }
}

function entitlementOf(world: CrashWorld) {
  const emu = world.emulator;
  return accessGateways({
    baseUrl: emu.url,
    authorityHost: emu.url,
    exchangeBaseUrl: emu.url,
    tenantId: emu.tenantId,
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    logger: pino({ level: 'silent' }),
  }).entitlement;
}

function safeOutput(world: CrashWorld): string {
  try {
    return world.bot.output();
  } catch {
    return '(no bot running)';
  }
}
