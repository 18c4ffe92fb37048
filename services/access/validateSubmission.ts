import { DateTime, Duration } from 'luxon';
import type { Answer, AssignmentSchedule } from '../ports/entitlement';
import { InvalidRequestError } from './errors';
import { formatDay } from './formatWhen';
import type { PolicyOption } from './requestForm';

/** The longest justification the card takes and the server accepts (the card's label says so). */
export const JUSTIFICATION_MAX = 1000;
/** The longest answer to a policy question. */
export const ANSWER_MAX = 500;

/** What the request card submits (already validated as shapes at the bot's edge). */
export interface SubmissionInput {
  justification?: string;
  /** Question id → answer (a choice's value for multiple choice). */
  answers?: Record<string, string>;
  /** 'YYYY-MM-DD' in the user's time zone, only where the policy allows a custom schedule. */
  startDate?: string;
  endDate?: string;
  timeZone?: string;
}

/**
 * Checks the submission against the policy the way Graph will (required answers and justification,
 * valid choices, dates within the policy's limits), so the user hears about every problem at once.
 */
export function validateSubmission(
  policy: PolicyOption,
  input: SubmissionInput,
  now: Date,
): { justification?: string; answers: (Answer & { question: string })[]; schedule?: AssignmentSchedule } {
  const problems: { field: string; message: string }[] = [];
  const justification = input.justification?.trim() || undefined;
  if (policy.justificationRequired && !justification)
    problems.push({ field: 'justification', message: 'A justification is required' });
  // Refused whole rather than cut: approvers never read a justification that stops mid-word.
  if (justification && justification.length > JUSTIFICATION_MAX)
    problems.push({
      field: 'justification',
      message: `The justification is ${justification.length} characters long; ${JUSTIFICATION_MAX} at most`,
    });
  const answers: (Answer & { question: string })[] = [];
  for (const q of policy.questions) {
    const value = input.answers?.[q.id]?.trim();
    if (!value) {
      if (q.required) problems.push({ field: q.id, message: `"${q.text}" needs an answer` });
      continue;
    }
    if (value.length > ANSWER_MAX) {
      problems.push({
        field: q.id,
        message: `The answer to "${q.text}" is longer than ${ANSWER_MAX} characters`,
      });
      continue;
    }
    const choice = q.choices?.find((c) => c.value === value);
    if (q.choices && !choice) {
      problems.push({ field: q.id, message: `"${value}" is not one of the choices` });
      continue;
    }
    answers.push({ questionId: q.id, value, displayValue: choice?.text ?? value, question: q.text });
  }
  const schedule = scheduleOf(policy, input, now, problems);
  if (problems.length > 0) throw new InvalidRequestError(problems);
  return { justification, answers, schedule };
}

function scheduleOf(
  policy: PolicyOption,
  input: SubmissionInput,
  now: Date,
  problems: { field: string; message: string }[],
) {
  if (!input.startDate && !input.endDate) return undefined;
  if (!policy.customSchedule) {
    problems.push({ field: 'schedule', message: 'This policy does not let you choose dates' });
    return undefined;
  }
  const zone = input.timeZone || 'UTC';
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const start = input.startDate ? DateTime.fromISO(input.startDate, { zone }).startOf('day') : today;
  const end = input.endDate ? DateTime.fromISO(input.endDate, { zone }).endOf('day') : undefined;
  if (!start.isValid || (end && !end.isValid)) {
    problems.push({ field: 'schedule', message: 'Please pick the dates with the date picker' });
    return undefined;
  }
  const day = (d: DateTime) => formatDay(d.toISO()!, { timeZone: zone, now });
  if (start < today) problems.push({ field: 'startDate', message: 'The start date is in the past' });
  if (end && end <= start)
    problems.push({ field: 'endDate', message: 'The end date must be after the start date' });
  const startAt = start <= DateTime.fromJSDate(now) ? DateTime.fromJSDate(now, { zone }) : start;
  // Graph measures the policy's limit from the access's start instant (start + duration); the card
  // offers whole days up to the day that limit falls on.
  const limit = latestEnd(policy, startAt);
  if (end && limit && end > limit.endOf('day')) {
    problems.push({
      field: 'endDate',
      message: `This policy allows access until ${day(limit)} at the latest`,
    });
  }
  // The last day offered ends at the limit itself rather than at midnight, which Graph would refuse.
  const endAt = end && limit && end > limit ? limit : end;
  return {
    startDateTime: startAt.toUTC().toISO()!,
    expiration: endAt
      ? { type: 'afterDateTime' as const, endDateTime: endAt.toUTC().toISO()! }
      : (policy.accessLasts ?? { type: 'notSpecified' as const }),
  };
}

/** The instant the policy's limit falls on, for access starting at `start`. */
function latestEnd(policy: PolicyOption, start: DateTime): DateTime | undefined {
  const e = policy.accessLasts;
  if (e?.type === 'afterDuration' && e.duration) return start.plus(Duration.fromISO(e.duration));
  if (e?.type === 'afterDateTime' && e.endDateTime)
    return DateTime.fromISO(e.endDateTime, { zone: start.zone });
  return undefined;
}
