import { strict as assert } from 'node:assert';
import type { RoleActivationPolicy } from '../../../../services/ports/pim';
import { InvalidActivationError } from '../../../../services/pim/errors';
import { validateActivation } from '../../../../services/pim/validateActivation';

const policy: RoleActivationPolicy = {
  policyId: 'p',
  roleDefinitionId: 'r',
  maximumDuration: 'PT4H',
  requireJustification: true,
  requireTicket: true,
  requireMfa: false,
  requireApproval: false,
  approvers: [],
  notifyRecipients: [],
};
const now = new Date('2026-03-02T10:00:00Z');

function fields(input: Parameters<typeof validateActivation>[1]): string[] {
  try {
    validateActivation(policy, input, now);
    return [];
  } catch (err) {
    assert.ok(err instanceof InvalidActivationError);
    return err.problems.map((p) => p.field);
  }
}

describe("validateActivation: the role policy's end-user rules, before Graph", () => {
  it('accepts the maximum with justification and ticket, trimmed', () => {
    const valid = validateActivation(
      policy,
      { duration: 'PT4H', justification: '  fix it ', ticketNumber: ' INC-1 ', ticketSystem: 'SNOW' },
      now,
    );
    assert.deepEqual(valid, {
      duration: 'PT4H',
      justification: 'fix it',
      ticket: { number: 'INC-1', system: 'SNOW' },
      startDateTime: undefined,
    });
  });

  const cases: [string, Parameters<typeof validateActivation>[1], string[]][] = [
    ['over the maximum', { duration: 'PT4H30M', justification: 'x', ticketNumber: '1' }, ['duration']],
    ['not a duration', { duration: 'two hours', justification: 'x', ticketNumber: '1' }, ['duration']],
    ['under 30 minutes', { duration: 'PT10M', justification: 'x', ticketNumber: '1' }, ['duration']],
    ['blank justification', { duration: 'PT1H', justification: '   ', ticketNumber: '1' }, ['justification']],
    ['no ticket', { duration: 'PT1H', justification: 'x' }, ['ticketNumber']],
    [
      'start far ahead',
      { duration: 'PT1H', justification: 'x', ticketNumber: '1', startDateTime: '2026-06-01T00:00:00Z' },
      ['startDateTime'],
    ],
    ['everything missing', { duration: 'PT9H' }, ['duration', 'justification', 'ticketNumber']],
  ];
  for (const [name, input, expected] of cases) {
    it(`refuses ${name}, naming the field`, () => assert.deepEqual(fields(input), expected));
  }

  it('keeps a start in the future and drops one in the past (now)', () => {
    const base = { duration: 'PT1H', justification: 'x', ticketNumber: '1' };
    const later = validateActivation(policy, { ...base, startDateTime: '2026-03-02T12:00:00Z' }, now);
    assert.equal(later.startDateTime, '2026-03-02T12:00:00.000Z');
    const past = validateActivation(policy, { ...base, startDateTime: '2026-03-01T12:00:00Z' }, now);
    assert.equal(past.startDateTime, undefined);
  });
});
