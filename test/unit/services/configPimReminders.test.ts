import { strict as assert } from 'node:assert';
import { ConfigError, loadConfig } from '../../../services/config';

describe('loadConfig: PIM_APPROVAL_REMINDER_HOURS', () => {
  it('reminds approvers after 1 and 4 hours unless told otherwise; "off" reminds nobody', () => {
    assert.deepEqual(loadConfig({}).pimApprovalReminderHours, [1, 4]);
    assert.deepEqual(loadConfig({ PIM_APPROVAL_REMINDER_HOURS: '8,2,2' }).pimApprovalReminderHours, [2, 8]);
    assert.deepEqual(loadConfig({ PIM_APPROVAL_REMINDER_HOURS: 'off' }).pimApprovalReminderHours, []);
  });

  it('names the setting when an hour is not whole, or not before Entra expires the request (24 h)', () => {
    for (const bad of ['0', '24', '1.5', '1;4', 'hourly', ',']) {
      assert.throws(
        () => loadConfig({ PIM_APPROVAL_REMINDER_HOURS: bad }),
        (e: unknown) =>
          e instanceof ConfigError && e.problems.some((p) => p.startsWith('PIM_APPROVAL_REMINDER_HOURS:')),
        bad,
      );
    }
  });
});
