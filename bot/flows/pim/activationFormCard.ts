import { Duration } from 'luxon';
import template from '../../../cards/templates/pim-activate.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { formatHours } from '../../../services/pim/hours';
import type { ActivationForm } from '../../../services/pim/pimRoles';

/** What the user typed, shown again with the problems when the policy refused it. */
export interface ActivationFormValues {
  duration?: string;
  justification?: string;
  ticketNumber?: string;
  ticketSystem?: string;
  problems?: string[];
  /** The activation an Extend card continues (the new one starts when it ends). */
  extendOf?: string;
  startDate?: string;
  startTime?: string;
}

/** Half-hour steps up to an hour, then whole hours up to the policy's maximum. */
export function durationChoices(maximum: string): { title: string; value: string }[] {
  const max = Duration.fromISO(maximum);
  const maxMinutes = max.isValid ? Math.round(max.as('minutes')) : 480;
  const steps = [30, 60, ...Array.from({ length: 23 }, (_, i) => (i + 2) * 60)].filter(
    (m) => m <= maxMinutes,
  );
  if (!steps.includes(maxMinutes)) steps.push(maxMinutes);
  return steps.map((m) => {
    const value = Duration.fromObject({ minutes: m }).shiftTo('hours', 'minutes').toISO() ?? `PT${m}M`;
    return { title: formatHours(value), value };
  });
}

/** The activation card, built from the role's policy: duration, justification, ticket, notes. */
export function renderActivationFormCard(
  form: ActivationForm,
  idempotencyKey: string,
  values: ActivationFormValues = {},
  timeZone = 'UTC',
): AdaptiveCard {
  const p = form.policy;
  const durations = durationChoices(p.maximumDuration);
  const notes = [`Up to ${formatHours(p.maximumDuration)}.`];
  if (values.extendOf) notes.unshift('A new activation that starts when the current one ends.');
  if (p.requireMfa || p.authenticationContext)
    notes.push(
      'Microsoft Entra ID asks you to confirm with multi-factor authentication: I will show a sign-in.',
    );
  if (p.requireApproval) {
    const who = form.approvers.map((a) => a.displayName).join(' or ') || 'an approver';
    notes.push(`${who} must approve before the role is active.`);
  }
  return renderTemplate(template, {
    roleId: form.roleId,
    roleName: form.roleName,
    idempotencyKey,
    extendOf: values.extendOf ?? '',
    notes,
    problems: values.problems ?? [],
    durations,
    duration: values.duration ?? durations[Math.min(1, durations.length - 1)]?.value ?? '',
    justificationLabel: 'Justification',
    needJustification: p.requireJustification,
    justification: values.justification ?? '',
    showTicket: true,
    needTicket: p.requireTicket,
    ticketLabel: 'Ticket number',
    ticketNumber: values.ticketNumber ?? '',
    ticketSystem: values.ticketSystem ?? '',
    // An extension starts when the current activation ends: no start to choose.
    showStart: !values.extendOf,
    startDate: values.startDate ?? '',
    startTime: values.startTime ?? '',
    timeZone,
  });
}
