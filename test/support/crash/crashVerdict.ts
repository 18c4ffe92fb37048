import type { Db } from 'mongodb';
import type { Emulator } from '../../../emulator';
import type { Recorded } from '../../../emulator/teams/channel';
import type { AccessRequestData } from '../../../services/access/model';
import type { EntitlementGateway } from '../../../services/ports/entitlement';
import type { WorkflowItem } from '../../../services/ports/workflowStore';
import type { FlowRun } from './crashFlows';
import { duplicateCards, type DuplicateCards, type SentRecord } from './duplicateCards';

type Item = WorkflowItem<AccessRequestData>;

/** The store compared with Graph and the channel after a crash run; every list names what went wrong. */
export interface CrashVerdict extends DuplicateCards {
  /** Flows whose request did not end where its people took it, here and in Graph (or was never made). */
  lost: string[];
  /** Flows with more than one Graph request. */
  duplicateRequests: string[];
  /** Flows whose Graph request was decided more than once, or by someone else. */
  duplicateDecisions: string[];
  /** Items still leased or with an effect pending, and timers left for decided stages. */
  stuck: string[];
  /** Effects that failed for good. */
  failedEffects: string[];
}

const REQUESTED = 'User requests access package assignment';
const DECIDED = /^(Approve|Deny) access package assignment request$/;

/** Compares the store (`db`) with the emulator's Graph and the channel's record, flow by flow. */
export async function crashVerdict(args: {
  runs: FlowRun[];
  db: Db;
  emulator: Emulator;
  entitlement: EntitlementGateway;
  sent: readonly Recorded[];
  /** The channel's record mark taken after each kill: what came later came from a later bot. */
  killMarks: readonly number[];
  now?: Date;
}): Promise<CrashVerdict> {
  const { runs, db, emulator } = args;
  const now = args.now ?? new Date();
  const items = await accessItems(db);
  const audit = emulator.auditLog.events();
  const verdict: CrashVerdict = {
    lost: [],
    duplicateRequests: [],
    duplicateDecisions: [],
    stuck: [],
    failedEffects: [],
    ...duplicateCards(args.sent, args.killMarks, await sentRecords(db)),
  };
  const userId = (alias: string) => emulator.directory.userByAlias(alias)?.id;
  for (const run of runs) {
    const { plan } = run;
    const name = `${plan.requester} → ${plan.pkg.displayName}`;
    const ofPackage = audit.filter((e) => targetPackage(e) === plan.pkg.id);
    const requests = ofPackage.filter((e) => e.activityDisplayName === REQUESTED).length;
    if (requests > 1) verdict.duplicateRequests.push(`${name}: ${requests} Graph requests`);
    const decisions = ofPackage.filter((e) => DECIDED.test(String(e.activityDisplayName)));
    const wanted = plan.approver ? 1 : 0;
    const wrongActor = decisions.some((e) => initiator(e) !== userId(plan.approver ?? ''));
    if (decisions.length > wanted || (decisions.length > 0 && wrongActor))
      verdict.duplicateDecisions.push(`${name}: ${decisions.length} decision(s) in Graph`);
    if (run.error) {
      verdict.lost.push(`${name}: ${run.error}`);
      continue;
    }
    const mine = items.filter((i) => i.data.package.id === plan.pkg.id);
    const expected = plan.decision === 'deny' ? 'denied' : 'delivered';
    const item = mine.find((i) => i.id === run.itemId);
    if (!item || mine.length !== 1) {
      verdict.lost.push(`${name}: ${mine.length} item(s), none with the id the bot answered`);
      continue;
    }
    const graphId = item.data.graph?.requestId;
    const graph = graphId ? await args.entitlement.requestState(graphId) : undefined;
    if (item.state !== expected || graph?.state !== expected)
      verdict.lost.push(`${name}: ${item.state} here, ${graph?.state ?? 'no request'} in Graph`);
  }
  for (const item of items) {
    const pending = item.outbox.filter((e) => !e.doneAt).map((e) => e.id);
    if (item.lease && item.lease.until > now) verdict.stuck.push(`${item.id}: leased`);
    if (pending.length) verdict.stuck.push(`${item.id} (${item.state}): ${pending.join(', ')} pending`);
    for (const e of item.outbox.filter((x) => x.doneAt && x.lastError))
      verdict.failedEffects.push(`${item.id} ${e.id}: ${e.lastError}`);
  }
  const timers = await db
    .collection<{ _id: string }>('jobs')
    .find({ _id: { $regex: '^approval:' }, doneAt: { $exists: false } })
    .toArray();
  for (const job of timers) {
    const item = items.find((i) => job._id.startsWith(`approval:${i.id}:`));
    if (item && item.state !== 'pendingApproval')
      verdict.stuck.push(`${job._id}: timer of a decided request`);
  }
  return verdict;
}

/** Every access request item, as the store holds it. */
export async function accessItems(db: Db): Promise<Item[]> {
  const docs = await db.collection<{ _id: string }>('workflows').find({ kind: 'accessRequest' }).toArray();
  return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest }) as unknown as Item);
}

/** The ids of the cards the bot recorded as sent (notifyEffects' `notification.sent` events). */
async function sentRecords(db: Db): Promise<SentRecord[]> {
  const events = await db
    .collection<{ _id: string; source?: { activityId?: string } }>('audit')
    .find({ type: 'notification.sent' })
    .toArray();
  return events.flatMap((e) =>
    e.source?.activityId ? [{ eventId: e._id, activityId: e.source.activityId }] : [],
  );
}

function targetPackage(e: Record<string, unknown>): string | undefined {
  const targets = e.targetResources as { id?: string; type?: string }[] | undefined;
  return targets?.find((t) => t.type === 'AccessPackage')?.id;
}

function initiator(e: Record<string, unknown>): string | undefined {
  return (e.initiatedBy as { user?: { id?: string } } | undefined)?.user?.id;
}
