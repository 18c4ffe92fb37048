import { strict as assert } from 'node:assert';
import { errorCardFor, isDomainError } from '../../../bot/errorCard';
import { InvokeError } from '../../../bot/invoke/invokeError';
import { cardText } from '../../../emulator/teams/cards';
import { NotAnApproverError } from '../../../services/approvals/errors';
import { NotReachableError } from '../../../services/ports/notifier';
import { PermanentEffectError } from '../../../services/workflow/effects';

describe('error cards', () => {
  it('shows an InvokeError with a title for its status, its message and code', () => {
    const text = cardText(errorCardFor(new InvokeError(401, 'unknownUser', 'Who are you?'), 'f:1'));
    assert.match(text, /I couldn't tell who you are/);
    assert.match(text, /Who are you\?/);
    assert.match(text, /Reference: unknownUser · f:1/);
  });

  it('shows a typed domain error its own message', () => {
    const text = cardText(errorCardFor(new NotAnApproverError('You are not an approver of this request')));
    assert.match(text, /You are not an approver of this request/);
    assert.match(text, /notAnApprover/);
  });

  it("hides a library's error even when its code looks like ours (camelCase)", () => {
    const err = Object.assign(new Error('token for admin@contoso failed: secret=abc'), {
      code: 'invalidGrant',
    });
    assert.equal(isDomainError(err), false);
    assert.doesNotMatch(cardText(errorCardFor(err)), /secret|admin@contoso/);
  });

  it("hides the outbox's own errors: they speak of user ids and effects, not to a person", () => {
    for (const err of [new NotReachableError('u1'), new PermanentEffectError('send failed for u1')]) {
      assert.equal(isDomainError(err), false);
      assert.doesNotMatch(cardText(errorCardFor(err)), /u1/);
    }
  });

  it('hides the message of anything else, which may carry internals', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED mongodb://admin:pw@db'), {
      code: 'ECONNREFUSED',
    });
    assert.equal(isDomainError(err), false);
    const text = cardText(errorCardFor(err));
    assert.doesNotMatch(text, /ECONNREFUSED|mongodb/);
    assert.match(text, /Something went wrong on my side/);
  });
});
