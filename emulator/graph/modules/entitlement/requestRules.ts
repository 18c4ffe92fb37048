import type { Answer, AssignmentPolicy, Expiration } from './model';
import { requestErrors } from './errors';
import { addDuration } from '../governance/time';

/** What a caller asked for, already read from the body. */
export interface RequestInput {
  justification: string | null;
  answers: Answer[];
  schedule?: { startDateTime?: string; expiration?: Partial<Expiration> };
}

/** Checks the policy's requestor rules: justification and answers to its questions. */
export function checkRequestorInput(policy: AssignmentPolicy, input: RequestInput): void {
  if (policy.isRequestorJustificationRequired && !input.justification?.trim())
    throw requestErrors.justificationRequired();
  for (const q of policy.questions) {
    const answer = input.answers.find((a) => a.answeredQuestion?.id === q.id);
    const value = answer?.value?.trim();
    if (!value) {
      if (q.isRequired) throw requestErrors.questionUnanswered(q.text);
      continue;
    }
    if (q.choices && !q.choices.some((c) => c.actualValue === value))
      throw requestErrors.invalidAnswer(q.text);
  }
}

/**
 * The schedule the assignment will get: the policy's own unless the caller asks for a custom one, which
 * the policy must allow and which may not last longer than the policy's expiration.
 */
export function effectiveSchedule(
  policy: AssignmentPolicy,
  input: RequestInput,
  now: Date,
): { startDateTime: string; expiration: Expiration } {
  const askedStart = input.schedule?.startDateTime ? new Date(input.schedule.startDateTime) : now;
  const start = Number.isNaN(askedStart.getTime()) || askedStart < now ? now : askedStart;
  const asked = input.schedule?.expiration;
  const custom =
    (asked && asked.type && asked.type !== 'notSpecified') || start.getTime() - now.getTime() > 5 * 60_000;
  if (!custom) return { startDateTime: start.toISOString(), expiration: { ...policy.expiration } };
  if (!policy.allowCustomAssignmentSchedule) throw requestErrors.customScheduleNotAllowed();
  const expiration: Expiration = {
    type: asked?.type ?? policy.expiration.type,
    duration: asked?.duration ?? (asked?.type ? null : policy.expiration.duration),
    endDateTime: asked?.endDateTime ?? null,
  };
  const maxDuration = policy.expiration.type === 'afterDuration' ? policy.expiration.duration : null;
  if (maxDuration) {
    const limit = addDuration(start, maxDuration);
    const end =
      expiration.type === 'afterDuration' && expiration.duration
        ? addDuration(start, expiration.duration)
        : expiration.type === 'afterDateTime' && expiration.endDateTime
          ? new Date(expiration.endDateTime)
          : null;
    if (!end || end > limit) throw requestErrors.scheduleTooLong(maxDuration);
  }
  return { startDateTime: start.toISOString(), expiration };
}
