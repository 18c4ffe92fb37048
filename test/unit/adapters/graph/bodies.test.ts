import { strict as assert } from 'node:assert';
import { requestBody } from '../../../../services/adapters/graph/entitlementBodies';
import { claimsFromMessage, failedRules } from '../../../../services/adapters/graph/policyErrors';
import { endOf } from '../../../../services/adapters/graph/schedule';
import { values } from '../../../../services/adapters/graph/exchangeMappers';

describe('entitlement request bodies', () => {
  it('builds userAdd for the caller with answers as Graph answer strings', () => {
    const body = requestBody('me', {
      kind: 'add',
      accessPackageId: 'ap',
      policyId: 'pol',
      justification: 'why',
      answers: [{ questionId: 'q1', value: 'Design' }],
      schedule: {
        startDateTime: '2026-01-05T00:00:00Z',
        expiration: { type: 'afterDuration', duration: 'P7D' },
      },
    });
    assert.deepEqual(body, {
      requestType: 'userAdd',
      assignment: { targetId: 'me', assignmentPolicyId: 'pol', accessPackageId: 'ap' },
      justification: 'why',
      answers: [
        {
          '@odata.type': '#microsoft.graph.accessPackageAnswerString',
          value: 'Design',
          displayValue: 'Design',
          answeredQuestion: { id: 'q1' },
        },
      ],
      schedule: {
        startDateTime: '2026-01-05T00:00:00Z',
        expiration: { type: 'afterDuration', duration: 'P7D' },
      },
    });
  });

  it('builds userExtend and userRemove', () => {
    assert.equal(
      requestBody('me', { kind: 'extend', accessPackageId: 'ap', policyId: 'pol' }).requestType,
      'userExtend',
    );
    assert.deepEqual(requestBody('me', { kind: 'remove', assignmentId: 'as1' }), {
      requestType: 'userRemove',
      assignment: { id: 'as1' },
    });
  });
});

describe('policy error parsing', () => {
  it('reads rule names however the list is quoted', () => {
    assert.deepEqual(failedRules('The following policy rules failed: ["MfaRule"]'), ['MfaRule']);
    assert.deepEqual(
      failedRules('The following policy rules failed: [\\"JustificationRule\\", \\"TicketingRule\\"]'),
      ['JustificationRule', 'TicketingRule'],
    );
    assert.deepEqual(failedRules('no list here'), []);
  });

  it('finds no claims in a message without a valid one', () => {
    assert.equal(claimsFromMessage('nothing'), undefined);
    assert.equal(claimsFromMessage('&claims=%7Bnot-json'), undefined);
  });
});

describe('schedules and cmdlet values', () => {
  it('computes the end of a schedule from start + duration, or its end date', () => {
    assert.equal(
      endOf({
        startDateTime: '2026-01-05T09:00:00Z',
        expiration: { type: 'afterDuration', duration: 'P30D' },
      }),
      '2026-02-04T09:00:00.000Z',
    );
    assert.equal(
      endOf({ expiration: { type: 'afterDateTime', endDateTime: '2026-03-01T00:00:00Z' } }),
      '2026-03-01T00:00:00.000Z',
    );
    assert.equal(endOf({ expiration: { type: 'noExpiration' } }), undefined);
  });

  it('reads multi-valued cmdlet fields given as arrays or comma-separated strings', () => {
    assert.deepEqual(values(['FullAccess', 'ReadPermission']), ['FullAccess', 'ReadPermission']);
    assert.deepEqual(values('FullAccess, ReadPermission'), ['FullAccess', 'ReadPermission']);
    assert.deepEqual(values(null), []);
  });
});
