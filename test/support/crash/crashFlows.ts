import { cardOf } from '../../../emulator/teams/cards';
import type { BotAnswer, Recorded, TeamsChannel } from '../../../emulator/teams/channel';
import type { CrashPackage } from './crashTenant';

/** One access flow of a crash run: who asks for what, and (with approval) who decides how. */
export interface FlowPlan {
  requester: string;
  pkg: CrashPackage;
  approver?: string;
  decision?: 'approve' | 'deny';
}

/** What the driver saw of a flow. */
export interface FlowRun {
  plan: FlowPlan;
  /** The bot's item, from the status card the submit answered with. */
  itemId?: string;
  /** Set when the driver could not play its part (the bot never answered, or no card came). */
  error?: string;
}

const RETRY_MS = 150;

/**
 * Plays the people of one flow against a bot that may be killed at any moment: the requester opens the
 * package's card and submits it; with approval, the chosen approver waits for their card and decides on
 * it. A click the bot never answered (killed mid-turn, or down) is clicked again, as a person would;
 * the card's idempotency key makes a second submit find the first.
 */
export async function playFlow(channel: TeamsChannel, plan: FlowPlan, timeoutMs: number): Promise<FlowRun> {
  const run: FlowRun = { plan };
  const deadline = Date.now() + timeoutMs;
  try {
    const form = await answered(
      () => channel.invoke(plan.requester, 'access.open', { packageId: plan.pkg.id }),
      deadline,
    );
    const submit = actionData(form, 'access.submit')[0];
    if (!submit) throw new Error(`the request card has no submit action`);
    const status = await answered(
      () => channel.invoke(plan.requester, 'access.submit', { ...submit, justification: 'Crash test' }),
      deadline,
    );
    run.itemId = String(actionData(status, 'access.status')[0]?.itemId ?? '') || undefined;
    if (!run.itemId) throw new Error('the submit was answered without a status card');
    if (!plan.approver) return run;
    const card = await channel.waitFor(
      (r) => r.alias === plan.approver && r.op !== 'update' && itemIdOf(r) === run.itemId,
      Math.max(1, deadline - Date.now()),
    );
    const choice = actionData(cardOf(card), 'approval.decide').find((d) => d.decision === plan.decision);
    if (!choice) throw new Error(`the approver's card has no ${plan.decision} action`);
    await answered(
      () =>
        channel.invoke(
          plan.approver!,
          'approval.decide',
          { ...choice, reason: `Crash test: ${plan.decision}` },
          { replyToId: card.activityId },
        ),
      deadline,
    );
  } catch (err) {
    run.error = err instanceof Error ? err.message : String(err);
  }
  return run;
}

/** The card an invoke answered with, clicking again until the bot answers (it may be down). */
async function answered(click: () => Promise<BotAnswer>, deadline: number): Promise<Record<string, unknown>> {
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const answer = await click();
      const body = answer.body as { value?: unknown } | undefined;
      if (answer.status === 200 && body?.value && typeof body.value === 'object')
        return body.value as Record<string, unknown>;
      last = `HTTP ${answer.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err); // refused or reset: the bot is down
    }
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }
  throw new Error(`the bot never answered (${last})`);
}

/** Every Action.Execute's data in a card, by verb. */
export function actionData(card: unknown, verb: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'Action.Execute' && o.verb === verb) out.push((o.data ?? {}) as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The workflow item a sent card shows (approver cards refresh by it, status cards act on it). */
export function itemIdOf(r: Recorded): string | undefined {
  if (!r.activity) return undefined;
  const card = cardOf(r);
  const data = [
    ...actionData(card, 'approval.refresh'),
    ...actionData(card, 'access.status'),
    ...actionData(card, 'approval.decide'),
  ];
  const id = data.find((d) => typeof d.itemId === 'string')?.itemId;
  return typeof id === 'string' ? id : undefined;
}
