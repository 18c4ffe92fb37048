import { DateTime, Duration } from 'luxon';
import type { AssignmentSchedule, Expiration } from '../../ports/entitlement';
import { str, type Json } from './json';

/** When a schedule ends (ISO 8601), from its end date or start + duration; undefined when it does not. */
export function endOf(schedule: AssignmentSchedule | undefined): string | undefined {
  const e = schedule?.expiration;
  if (!e) return undefined;
  if (e.endDateTime) return DateTime.fromISO(e.endDateTime, { zone: 'utc' }).toISO() ?? undefined;
  if (e.type === 'afterDuration' && e.duration && schedule?.startDateTime) {
    const start = DateTime.fromISO(schedule.startDateTime, { zone: 'utc' });
    const d = Duration.fromISO(e.duration);
    if (start.isValid && d.isValid) return start.plus(d).toISO() ?? undefined;
  }
  return undefined;
}

/** Graph's expirationPattern. */
export function toExpiration(e: Json | null | undefined): Expiration | undefined {
  if (!e || typeof e.type !== 'string') return undefined;
  return { type: e.type as Expiration['type'], endDateTime: str(e.endDateTime), duration: str(e.duration) };
}

/** Graph's entitlementManagementSchedule. */
export function toSchedule(s: Json | null | undefined): AssignmentSchedule | undefined {
  if (!s) return undefined;
  return { startDateTime: str(s.startDateTime), expiration: toExpiration(s.expiration) };
}
