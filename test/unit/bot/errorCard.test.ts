import { strict as assert } from 'node:assert';
import { errorCardFor, isDomainError } from '../../../bot/errorCard';
import { InvokeError } from '../../../bot/invoke/invokeError';
import { cardText } from '../../../emulator/teams/cards';
import { NotReachableError } from '../../../services/ports/notifier';

describe('error cards', () => {
  it('shows an InvokeError with a title for its status, its message and code', () => {
    const text = cardText(errorCardFor(new InvokeError(401, 'unknownUser', 'Who are you?'), 'f:1'));
    assert.match(text, /I couldn't tell who you are/);
    assert.match(text, /Who are you\?/);
    assert.match(text, /Reference: unknownUser · f:1/);
  });

  it('shows a typed domain error its own message', () => {
    assert.match(cardText(errorCardFor(new NotReachableError('u1'))), /not installed/);
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
