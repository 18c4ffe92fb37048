import choiceTemplate from '../../../cards/templates/access-policy-choice.json';
import template from '../../../cards/templates/access-request.json';
import { DateTime, Duration } from 'luxon';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { formatDuration, type UserTime } from '../../../services/access/formatWhen';
import type { PolicyOption, RequestForm } from '../../../services/access/requestForm';

/** Answers come back as inputs named answer_<questionId>. */
export const ANSWER_PREFIX = 'answer_';

function nextSteps(p: PolicyOption): { line: string }[] {
  const lines = p.approval.required
    ? p.approval.stages.map((s) => {
        const esc = s.escalation?.approvers.length
          ? ` (then ${s.escalation.approvers.join(' or ')} after ${formatDuration(s.escalation.after)})`
          : '';
        return `Stage ${s.number}: ${s.approvers.join(' or ') || 'an approver'} decides within ${formatDuration(s.decideWithin)}${esc}.`;
      })
    : ['No approval needed: you get the access right away.'];
  const e = p.accessLasts;
  if (e?.type === 'afterDuration') lines.push(`Access lasts ${formatDuration(e.duration)}.`);
  else if (e?.type === 'afterDateTime' && e.endDateTime)
    lines.push(`Access ends ${e.endDateTime.slice(0, 10)}.`);
  else lines.push('Access does not expire.');
  return lines.map((line) => ({ line }));
}

/** The request card for one policy of the package. */
export function renderRequestFormCard(
  f: RequestForm,
  p: PolicyOption,
  idempotencyKey: string,
  t: UserTime,
  /** When the server refused the submission: what to fix, and what the user had typed. */
  retry?: { problems: string[]; justification?: string; answers?: Record<string, string> },
): AdaptiveCard {
  const zone = t.timeZone ?? 'UTC';
  const today = DateTime.fromJSDate(t.now, { zone });
  const latest =
    p.accessLasts?.type === 'afterDuration' && p.accessLasts.duration
      ? today.plus(Duration.fromISO(p.accessLasts.duration)).toISODate()
      : '';
  return renderTemplate(template, {
    packageId: f.package.id,
    policyId: p.id,
    idempotencyKey,
    name: f.package.displayName,
    description: f.package.description ?? '',
    problems: retry?.problems.length ? `Please fix: ${retry.problems.join(' ')}` : '',
    justification: retry?.justification ?? '',
    resources: f.resources.map((r) => ({ name: r.displayName, role: r.role ?? r.type ?? '' })),
    policyName: p.displayName,
    policyDescription: p.description && p.description !== p.displayName ? p.description : '',
    questions: p.questions.map((q) => ({
      inputId: `${ANSWER_PREFIX}${q.id}`,
      label: q.required ? q.text : `${q.text} (optional)`,
      required: q.required,
      isChoice: Boolean(q.choices?.length),
      choices: q.choices ?? [],
      value: retry?.answers?.[q.id] ?? '',
    })),
    justificationLabel: `Why do you need this access?${p.justificationRequired ? ' (required)' : ' (optional)'}`,
    justificationRequired: p.justificationRequired,
    customSchedule: p.customSchedule,
    today: today.toISODate(),
    latestEnd: latest ?? '',
    endLabel: latest ? `End (optional, by ${latest} at the latest)` : 'End (optional)',
    nextSteps: nextSteps(p),
  });
}

/** When several policies apply: let the user choose one first. */
export function renderPolicyChoiceCard(f: RequestForm): AdaptiveCard {
  return renderTemplate(choiceTemplate, {
    name: f.package.displayName,
    policies: f.policies.map((p) => ({
      packageId: f.package.id,
      id: p.id,
      name: p.displayName,
      summary: nextSteps(p)
        .map((s) => s.line)
        .join(' '),
    })),
  });
}
