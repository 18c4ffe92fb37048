import { DateTime, Duration } from 'luxon';

/** How a time reads on a card for one user: in their time zone, absolute and relative. */
export interface UserTime {
  /** IANA zone from the activity's clientInfo entity (e.g. 'Europe/Berlin'); UTC when unknown. */
  timeZone?: string;
  locale?: string;
  now: Date;
}

/** The user's zone when Luxon knows it, else UTC. */
export function zoneOf(user: Pick<UserTime, 'timeZone'>): string {
  return user.timeZone && DateTime.local().setZone(user.timeZone).isValid ? user.timeZone : 'UTC';
}

/** "Wed 4 Mar, 11:00 (in 2 days)" in the user's zone; an unknown zone falls back to UTC. */
export function formatWhen(iso: string, user: UserTime): string {
  const zone = zoneOf(user);
  const at = DateTime.fromISO(iso, { zone }).setLocale(user.locale ?? 'en-GB');
  if (!at.isValid) return iso;
  const now = DateTime.fromJSDate(user.now, { zone });
  const absolute = at.toFormat(`${dayFormat(at, now)}, HH:mm`);
  const close = Math.abs(at.toMillis() - now.toMillis()) < 60_000;
  const relative = close
    ? 'just now'
    : (at.toRelative({ base: now, locale: user.locale ?? 'en', rounding: 'round' }) ?? '');
  return `${absolute}${zone === 'UTC' ? ' UTC' : ''} (${relative})`;
}

/** "30 days", "2 days", "12 hours" from an ISO 8601 duration (policy durations). */
export function formatDuration(iso: string | undefined, locale = 'en'): string | undefined {
  if (!iso) return undefined;
  const d = Duration.fromISO(iso);
  if (!d.isValid) return iso;
  const days = d.as('days');
  if (Number.isInteger(days) && days >= 1) return Duration.fromObject({ days }, { locale }).toHuman();
  const hours = Math.round(d.as('hours'));
  return Duration.fromObject({ hours }, { locale }).toHuman();
}

/** The day part of every date a card shows: "Wed 4 Mar", with the year when it is not this year. */
function dayFormat(at: DateTime, now: DateTime): string {
  return at.year === now.year ? 'ccc d LLL' : 'ccc d LLL yyyy';
}

/**
 * "Wed 4 Mar" (with the year when not this year): a day, as date inputs and policy limits are, in the
 * user's zone and the same format as formatWhen's day. A bare 'YYYY-MM-DD' is read as that day there.
 */
export function formatDay(isoOrDate: string, user: UserTime): string {
  const zone = zoneOf(user);
  const at = DateTime.fromISO(isoOrDate, { zone }).setLocale(user.locale ?? 'en-GB');
  if (!at.isValid) return isoOrDate;
  return at.toFormat(dayFormat(at, DateTime.fromJSDate(user.now, { zone })));
}
