import choiceTemplate from '../../../cards/templates/access-policy-choice.json';
import template from '../../../cards/templates/access-request.json';
import { DateTime, Duration } from 'luxon';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { formatDay, formatDuration, zoneOf, type UserTime } from '../../../services/access/formatWhen';
import type { PolicyOption, RequestForm } from '../../../services/access/requestForm';
import { ANSWER_MAX, JUSTIFICATION_MAX } from '../../../services/access/validateSubmission';

/** Answers come back as inputs named answer_<questionId>. */
export const ANSWER_PREFIX = 'answer_';

/** A card button: its title, verb and data. */
export interface FormButton {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

function nextSteps(p: PolicyOption, t: UserTime): { line: string }[] {
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
    lines.push(`Access ends ${formatDay(e.endDateTime, t)}.`);
  else lines.push('Access does not expire.');
  return lines.map((line) => ({ line }));
}

/** The last day the end date input offers: the same limit validateSubmission checks from today. */
function latestEnd(p: PolicyOption, today: DateTime): DateTime | undefined {
  const e = p.accessLasts;
  if (e?.type === 'afterDuration' && e.duration) return today.plus(Duration.fromISO(e.duration));
  if (e?.type === 'afterDateTime' && e.endDateTime)
    return DateTime.fromISO(e.endDateTime, { zone: today.zone });
  return undefined;
}

/** What the form is for: a new request (access.submit) or an extension (access.extend). */
export interface FormPurpose {
  submit: FormButton;
  /** The list the form was opened from. */
  back?: FormButton;
  heading?: string;
}

/** The request card for one policy of the package (or the extension card of one assignment). */
export function renderRequestFormCard(
  f: RequestForm,
  p: PolicyOption,
  idempotencyKey: string,
  t: UserTime,
  /** When the server refused the submission: what to fix, and what the user had typed. */
  retry?: { problems: string[]; justification?: string; answers?: Record<string, string> },
  purpose?: FormPurpose,
): AdaptiveCard {
  const today = DateTime.fromJSDate(t.now, { zone: zoneOf(t) }).startOf('day');
  const latest = latestEnd(p, today);
  const submit = purpose?.submit ?? {
    title: 'Submit request',
    verb: 'access.submit',
    data: { packageId: f.package.id, policyId: p.id },
  };
  const limit = JUSTIFICATION_MAX.toLocaleString('en');
  return renderTemplate(template, {
    name: purpose?.heading ?? f.package.displayName,
    description: f.package.description ?? '',
    problems: retry?.problems.length ? `Please fix: ${retry.problems.join(' ')}` : '',
    justification: retry?.justification ?? '',
    resources: f.resources.map((r) => ({ name: r.displayName, role: r.role ?? r.type ?? '' })),
    policyName: p.displayName,
    policyDescription: p.description && p.description !== p.displayName ? p.description : '',
    questions: p.questions.map((q) => ({
      inputId: `${ANSWER_PREFIX}${q.id}`,
      // Teams marks a required input with "*": the label says "(optional)" only of the others.
      label: q.required ? q.text : `${q.text} (optional)`,
      required: q.required,
      isChoice: Boolean(q.choices?.length),
      choices: q.choices ?? [],
      value: retry?.answers?.[q.id] ?? '',
      maxLength: ANSWER_MAX,
    })),
    justificationLabel: `Why do you need this access?${p.justificationRequired ? '' : ' (optional)'} Up to ${limit} characters.`,
    justificationRequired: p.justificationRequired,
    justificationMax: JUSTIFICATION_MAX,
    customSchedule: p.customSchedule,
    today: today.toISODate(),
    todayText: formatDay(today.toISODate()!, t),
    latestEnd: latest?.toISODate() ?? '',
    endLabel: latest
      ? `End (optional, ${formatDay(latest.toISODate()!, t)} at the latest)`
      : 'End (optional)',
    endError: latest
      ? `Choose a day from ${formatDay(today.toISODate()!, t)} to ${formatDay(latest.toISODate()!, t)}`
      : `Choose ${formatDay(today.toISODate()!, t)} or a later day`,
    startError: `Choose ${formatDay(today.toISODate()!, t)} or a later day`,
    nextSteps: nextSteps(p, t),
    submit: [{ ...submit, data: { ...submit.data, idempotencyKey } }],
    back: purpose?.back ? [purpose.back] : [],
  });
}

/** When several policies apply: let the user choose one first. */
export function renderPolicyChoiceCard(f: RequestForm, t: UserTime, back?: FormButton): AdaptiveCard {
  return renderTemplate(choiceTemplate, {
    name: f.package.displayName,
    policies: f.policies.map((p) => ({
      packageId: f.package.id,
      id: p.id,
      name: p.displayName,
      summary: nextSteps(p, t)
        .map((s) => s.line)
        .join(' '),
    })),
    back: back ? [back] : [],
  });
}
