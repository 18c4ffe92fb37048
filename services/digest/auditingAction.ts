import type { AuditLog } from '../ports/auditLog';
import type { DigestStores } from '../ports/digestStore';
import type { ExchangeGateway } from '../ports/exchange';
import type { WorkflowItem } from '../ports/workflowStore';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { mutateItem } from '../workflow/mutate';
import { refreshEffect } from '../workflow/notifyEffects';
import type { FindingAction } from './cardData';
import { digestItemId, type DigestItemData } from './digestItems';
import { DigestNotFoundError } from './errors';

/** Who pressed the button: a recipient (checked by the caller). */
export interface DigestActor {
  userId: string;
  name: string;
}

/**
 * Enable auditing, from the digest card: the mailbox comes from the run's own finding (never from the
 * card), Exchange is called app-only (Set-Mailbox -AuditEnabled $true, the runbook's remediation), the
 * attempt and its result go to the audit log, and the result is recorded on the item, so every
 * recipient's card shows it (a refresh effect updates the cards already sent).
 */
export async function enableAuditing(
  deps: { stores: DigestStores; exchange: ExchangeGateway; audit: AuditLog; clock: Clock; logger: Logger },
  actor: DigestActor,
  runId: string,
  key: string,
): Promise<WorkflowItem<DigestItemData>> {
  const { stores, clock } = deps;
  const item = await stores.items.get<DigestItemData>(digestItemId(runId));
  const finding = (await stores.runs.findings(runId, 'auditing')).find((f) => f.key === key);
  if (!item || !finding?.target) throw new DigestNotFoundError('that mailbox in this digest');
  if (item.data.actions[key]?.outcome === 'done') return item; // a second click, or a second recipient
  let action: FindingAction;
  try {
    await deps.exchange.setAuditEnabled(finding.target, true);
    action = {
      by: actor.name,
      at: clock.now().toISOString(),
      outcome: 'done',
      message: `Auditing turned on by ${actor.name}`,
    };
  } catch (err) {
    deps.logger.warn({ err, runId, key }, 'enable auditing failed');
    action = {
      by: actor.name,
      at: clock.now().toISOString(),
      outcome: 'failed',
      message: `Turning auditing on failed: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  const now = clock.now();
  await deps.audit.append({
    id: `digest.auditingEnabled:${runId}:${key}:${now.getTime()}`,
    at: now,
    type: action.outcome === 'done' ? 'digest.auditingEnabled' : 'digest.auditingFailed',
    actorId: actor.userId,
    itemId: item.id,
    summary: `${actor.name} turned mailbox auditing on for ${finding.fields.Mailbox ?? finding.target}: ${action.outcome}`,
    source: { card: 'digest', verb: 'digest.enableAuditing' },
    details: { mailbox: finding.target, runId, outcome: action.outcome },
  });
  const { item: after } = await mutateItem<DigestItemData>(
    stores.items,
    item.id,
    () => now,
    (fresh) => ({
      data: { ...fresh.data, actions: { ...fresh.data.actions, [key]: action } },
      effects: [refreshEffect(`auditing:${key}:${now.getTime()}`, 'to:', now)],
    }),
  );
  return after;
}
