import { Duration } from 'luxon';
import type { RoleActivationPolicy } from '../ports/pim';
import { InvalidActivationError } from './errors';

/** What the activation card submits, as typed. */
export interface ActivationInput {
  /** ISO 8601 duration, e.g. 'PT2H'. */
  duration: string;
  justification?: string;
  ticketNumber?: string;
  ticketSystem?: string;
  /** ISO 8601 start; now when absent. */
  startDateTime?: string;
}

/** What Graph will be sent, once the policy's rules are met. */
export interface ValidActivation {
  duration: string;
  justification?: string;
  ticket?: { number: string; system?: string };
  startDateTime?: string;
}

const MAX_START_AHEAD_MS = 30 * 86_400_000;

/**
 * The role policy's end-user rules (Expiration_, Enablement_EndUser_Assignment: Justification,
 * Ticketing), checked before Graph is called so the card names the field to fix; Graph checks them
 * again (RoleAssignmentRequestPolicyValidationFailed).
 */
export function validateActivation(
  policy: RoleActivationPolicy,
  input: ActivationInput,
  now: Date,
): ValidActivation {
  const problems: { field: string; message: string }[] = [];
  const asked = Duration.fromISO(input.duration);
  const max = Duration.fromISO(policy.maximumDuration);
  if (!asked.isValid || asked.as('minutes') < 30)
    problems.push({ field: 'duration', message: 'Choose how long you need the role (30 minutes or more)' });
  else if (max.isValid && asked.as('milliseconds') > max.as('milliseconds'))
    problems.push({
      field: 'duration',
      message: `The duration is over this role's maximum of ${max.shiftTo('hours').toHuman({ maximumFractionDigits: 1 })}`,
    });
  const justification = input.justification?.trim() || undefined;
  if (policy.requireJustification && !justification)
    problems.push({ field: 'justification', message: 'This role needs a justification' });
  const ticketNumber = input.ticketNumber?.trim() || undefined;
  if (policy.requireTicket && !ticketNumber)
    problems.push({ field: 'ticketNumber', message: 'This role needs a ticket number' });
  let startDateTime: string | undefined;
  if (input.startDateTime) {
    const start = new Date(input.startDateTime);
    if (Number.isNaN(start.getTime()))
      problems.push({ field: 'startDateTime', message: 'The start is not a date' });
    else if (start.getTime() - now.getTime() > MAX_START_AHEAD_MS)
      problems.push({ field: 'startDateTime', message: 'The start is more than 30 days ahead' });
    else if (start > now) startDateTime = start.toISOString();
  }
  if (problems.length) throw new InvalidActivationError(problems);
  return {
    duration: asked.toISO() ?? input.duration,
    justification,
    ticket: ticketNumber
      ? { number: ticketNumber, system: input.ticketSystem?.trim() || undefined }
      : undefined,
    startDateTime,
  };
}
