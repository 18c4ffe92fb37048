import { DateTime, Duration, Info } from 'luxon';

/** How a time reads on a card for one user: in their time zone, absolute and relative. */
export interface UserTime {
  /** IANA zone from the activity's clientInfo entity (e.g. 'Europe/Berlin'); UTC when unknown. */
  timeZone?: string;
  locale?: string;
  now: Date;
}

/** The user's zone when Luxon knows it, else UTC. */
export function zoneOf(user: Pick<UserTime, 'timeZone'>): string {
  // Luxon keeps the zones it made; a DateTime in the zone, as before, computed an offset on every card.
  return user.timeZone && Info.normalizeZone(user.timeZone).isValid ? user.timeZone : 'UTC';
}

/** Luxon's toRelative units; the two calendar ones cannot reach 1 within this many days. */
const UNITS = ['years', 'months', 'days', 'hours', 'minutes', 'seconds'] as const;
const WITHIN_A_MONTH_MS = 28 * 86_400_000;

/**
 * Luxon's `toRelative` (rounded), skipping the year and month diffs when the two times are less than 28
 * days apart: they come out below 1 there, so luxon would go on to days anyway, and they were half of
 * what every approval card cost to render (calendar arithmetic in the user's zone).
 */
export function relativeTo(at: DateTime, base: DateTime, locale: string): string {
  const near = Math.abs(at.toMillis() - base.toMillis()) < WITHIN_A_MONTH_MS;
  const unit = near ? UNITS.slice(2) : [...UNITS];
  return at.toRelative({ base, locale, rounding: 'round', unit }) ?? '';
}

/** "Wed 4 Mar, 11:00 (in 2 days)" in the user's zone; an unknown zone falls back to UTC. */
export function formatWhen(iso: string, user: UserTime): string {
  const zone = zoneOf(user);
  const at = DateTime.fromISO(iso, { zone }).setLocale(user.locale ?? 'en-GB');
  if (!at.isValid) return iso;
  const now = DateTime.fromJSDate(user.now, { zone });
  const absolute = at.toFormat(`${dayFormat(at, now)}, HH:mm`);
  const close = Math.abs(at.toMillis() - now.toMillis()) < 60_000;
  const relative = close ? 'just now' : relativeTo(at, now, user.locale ?? 'en');
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
