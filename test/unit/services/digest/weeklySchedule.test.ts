import { strict as assert } from 'node:assert';
import { loadConfig } from '../../../../services/config';
import { WeeklySchedule } from '../../../../services/digest/weeklySchedule';

describe('WeeklySchedule (croner): one cron setting, one weekly time in a time zone', () => {
  it('finds the next and the latest Monday 09:00 in Berlin, across the DST change', () => {
    const s = new WeeklySchedule('0 9 * * MON', 'Europe/Berlin');
    assert.equal(s.next(new Date('2026-11-25T12:00:00Z')).toISOString(), '2026-11-30T08:00:00.000Z');
    assert.equal(s.previous(new Date('2026-11-25T12:00:00Z')).toISOString(), '2026-11-23T08:00:00.000Z');
    // Summer time: 09:00 in Berlin is 07:00 UTC.
    assert.equal(s.next(new Date('2026-03-25T12:00:00Z')).toISOString(), '2026-03-30T07:00:00.000Z');
  });

  for (const bad of [
    '0 8 * * *',
    '0 8 1 * MON',
    '*/5 8 * * MON',
    '0 8 * * MON-FRI',
    '0 8 * *',
    'every monday',
  ])
    it(`refuses "${bad}": it does not fire exactly once a week`, () => {
      assert.throws(() => new WeeklySchedule(bad, 'UTC'), /must/);
    });

  it('refuses an unknown time zone', () => {
    assert.throws(() => new WeeklySchedule('0 8 * * MON', 'Mars/Olympus'), /Mars\/Olympus/);
  });

  it('is checked with the other settings at start, naming the setting', () => {
    assert.throws(() => loadConfig({ DIGEST_SCHEDULE: '0 8 * * *' }), /DIGEST_SCHEDULE/);
    assert.equal(
      loadConfig({ DIGEST_SCHEDULE: '30 7 * * FRI', DIGEST_TIME_ZONE: 'Asia/Tokyo' }).digest.schedule,
      '30 7 * * FRI',
    );
  });
});
