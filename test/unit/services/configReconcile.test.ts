import { strict as assert } from 'node:assert';
import { ConfigError, loadConfig } from '../../../services/config';

describe('loadConfig: APPROVAL_RECONCILE_MINUTES', () => {
  it('compares pending approvals with Graph every 5 minutes unless told otherwise', () => {
    assert.equal(loadConfig({}).approvalReconcileMinutes, 5);
    assert.equal(loadConfig({ APPROVAL_RECONCILE_MINUTES: '15' }).approvalReconcileMinutes, 15);
  });

  it('names the setting when it is not a whole number of minutes from 1 to 1440', () => {
    for (const bad of ['0', '2.5', 'often', '1441']) {
      assert.throws(
        () => loadConfig({ APPROVAL_RECONCILE_MINUTES: bad }),
        (e: unknown) =>
          e instanceof ConfigError && e.problems.some((p) => p.startsWith('APPROVAL_RECONCILE_MINUTES:')),
        bad,
      );
    }
  });
});
