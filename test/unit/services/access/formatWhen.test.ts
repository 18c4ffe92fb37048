import { strict as assert } from 'node:assert';
import { DateTime } from 'luxon';
import { formatDay, formatDuration, formatWhen, relativeTo } from '../../../../services/access/formatWhen';

describe('formatWhen / formatDuration', () => {
  const now = new Date('2026-03-02T10:00:00Z');

  it("shows the time in the user's zone, with a relative part", () => {
    assert.equal(
      formatWhen('2026-03-04T10:00:00Z', { timeZone: 'Europe/Berlin', now }),
      'Wed 4 Mar, 11:00 (in 2 days)',
    );
    assert.equal(
      formatWhen('2026-03-02T09:00:00Z', { timeZone: 'America/New_York', now }),
      'Mon 2 Mar, 04:00 (1 hour ago)',
    );
  });

  it('rounds the relative part to the nearest unit, so a deadline does not lose a day in seconds', () => {
    const later = new Date(now.getTime() + 7_000);
    assert.match(formatWhen('2026-03-05T10:00:00Z', { timeZone: 'UTC', now: later }), /\(in 3 days\)$/);
    assert.match(formatWhen('2026-03-05T10:00:00Z', { timeZone: 'UTC', now }), /\(in 3 days\)$/);
  });

  it('says "just now" within a minute', () => {
    assert.equal(
      formatWhen('2026-03-02T10:00:20Z', { timeZone: 'UTC', now }),
      'Mon 2 Mar, 10:00 UTC (just now)',
    );
  });

  it('falls back to UTC, and says so, when the zone is unknown', () => {
    assert.equal(
      formatWhen('2027-01-01T00:00:00Z', { timeZone: 'Mars/Olympus', now }),
      'Fri 1 Jan 2027, 00:00 UTC (in 10 months)',
    );
  });

  it('shows days in the same format as times, in the user zone, with the year only when not this year', () => {
    assert.equal(formatDay('2026-03-04', { timeZone: 'Europe/Berlin', now }), 'Wed 4 Mar');
    // 23:30 UTC on the 4th is already the 5th in Berlin.
    assert.equal(formatDay('2026-03-04T23:30:00Z', { timeZone: 'Europe/Berlin', now }), 'Thu 5 Mar');
    assert.equal(formatDay('2027-01-01', { timeZone: 'UTC', now }), 'Fri 1 Jan 2027');
    assert.match(formatWhen('2026-03-04T10:00:00Z', { timeZone: 'UTC', now }), /^Wed 4 Mar, /);
  });

  it('reads policy durations', () => {
    assert.equal(formatDuration('P30D'), '30 days');
    assert.equal(formatDuration('PT12H'), '12 hours');
    assert.equal(formatDuration(undefined), undefined);
  });

  it("says what luxon's toRelative says, on both sides of a month and across DST changes", () => {
    const base = DateTime.fromISO('2026-03-20T10:00:00Z');
    let compared = 0;
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'UTC'])
      for (let hours = -40 * 24; hours <= 40 * 24; hours += 11) {
        const now = base.setZone(zone);
        const at = now.plus({ hours, seconds: 13 });
        const luxon = at.toRelative({ base: now, locale: 'en', rounding: 'round' });
        assert.equal(relativeTo(at, now, 'en'), luxon, `${zone} ${hours} h`);
        compared++;
      }
    assert.ok(compared > 600);
  });
});
