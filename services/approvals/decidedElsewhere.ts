import type { WorkflowItem } from '../ports/workflowStore';
import { auditEffect } from '../workflow/coreEffects';
import { concludePatch, decisionPatch, type FullPatch } from './applyDecision';
import type { ApprovalItemData, DecidedVia, Decision, Person } from './model';

/** One stage as the system of record (Graph) shows it, once decided there. */
export interface SeenStage {
  result: 'approved' | 'denied' | 'expired';
  by?: Person;
  /** ISO 8601; when Graph says it was decided. */
  at?: string;
  reason?: string;
}

/** What Graph shows of a request waiting here for approval: stage decisions by index, and its end. */
export interface SeenApproval {
  stages: (SeenStage | undefined)[];
  /** Set once Graph's request is no longer pending approval. */
  outcome?: { result: Decision['result']; at?: string };
}

/**
 * Mirrors what was decided outside Teams (My Access, the admin center, a cancel): each stage Graph shows
 * decided goes through the same patch as a decision from a card, minus recording it in Graph; then a
 * request Graph has ended concludes. Undefined when there is nothing new, so a late or repeated look
 * changes nothing. `via` names where such decisions are made (cards say so).
 */
export function decidedElsewherePatch<T extends ApprovalItemData>(
  fresh: WorkflowItem<T>,
  seen: SeenApproval,
  now: Date,
  source: Record<string, string> = {},
  via: DecidedVia = 'myAccess',
): FullPatch<T> | undefined {
  if (fresh.state !== 'pendingApproval') return undefined;
  let item = fresh;
  const effects: FullPatch<T>['effects'] = [];
  const apply = (p: FullPatch<T>) => {
    item = { ...item, state: p.state, data: p.data, subjects: p.subjects };
    effects.push(...p.effects);
  };
  const origin = { recordInGraph: false, source: { ...source, via } };
  for (let guard = 0; item.state === 'pendingApproval' && guard < 10; guard++) {
    const a = item.data.approval;
    const stage = a.stages[a.current];
    const d = seen.stages[a.current];
    if (!d || stage?.state !== 'InProgress') break;
    const by = d.by && [...stage.approvers, ...stage.escalationApprovers].find((p) => p.id === d.by?.id);
    const base: Omit<Decision, 'result'> = { at: when(d.at, now), via };
    if (d.by) base.by = { id: d.by.id, displayName: by?.displayName ?? d.by.displayName };
    if (d.reason?.trim()) base.reason = d.reason.trim();
    if (d.result === 'expired') apply(concludePatch(item, { ...base, result: 'expired' }, now));
    else apply(decisionPatch(item, a.current, { ...base, result: d.result }, now, origin));
  }
  if (item.state === 'pendingApproval' && seen.outcome) {
    apply(concludePatch(item, { ...seen.outcome, at: when(seen.outcome.at, now), via }, now));
  }
  if (item === fresh) return undefined;
  const a = item.data.approval;
  effects.push(
    auditEffect({
      id: `decided-elsewhere:${fresh.id}:${fresh.version}`,
      at: now,
      type: 'approval.decidedElsewhere',
      itemId: fresh.id,
      summary: `${a.subject.title} for ${a.requester.displayName}: ${a.outcome?.result ?? `now at stage ${a.current + 1}`} outside Teams, as Graph shows`,
      source: origin.source,
      details: { from: fresh.state, to: item.state, stage: a.current, outcome: a.outcome?.result },
    }),
  );
  return { state: item.state, data: item.data, subjects: item.subjects, effects };
}

/** Graph's time when it gave one that is not in the future (clock skew), else now. */
function when(at: string | undefined, now: Date): string {
  const t = at ? Date.parse(at) : NaN;
  return Number.isFinite(t) && t <= now.getTime() ? new Date(t).toISOString() : now.toISOString();
}
