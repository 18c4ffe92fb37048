import { strict as assert } from 'node:assert';
import { InvalidTransitionError, StateMachine } from '../../../../services/workflow/stateMachine';

type S = 'open' | 'done' | 'closed';
type E = 'finish' | 'close';
const machine = new StateMachine<S, E>('door', {
  open: { finish: 'done', close: 'closed' },
  done: { close: 'closed' },
  closed: {},
});

describe('StateMachine', () => {
  it('moves along the table', () => {
    assert.equal(machine.apply('open', 'finish'), 'done');
    assert.equal(machine.apply('done', 'close'), 'closed');
  });

  it('refuses a move the table does not have, naming state and event', () => {
    assert.throws(
      () => machine.apply('closed', 'finish'),
      (err: unknown) =>
        err instanceof InvalidTransitionError &&
        err.code === 'invalidTransition' &&
        err.state === 'closed' &&
        err.event === 'finish',
    );
    assert.throws(() => machine.apply('done', 'finish'), InvalidTransitionError);
  });

  it('answers can / isFinal / isState', () => {
    assert.equal(machine.can('open', 'close'), true);
    assert.equal(machine.can('closed', 'close'), false);
    assert.equal(machine.isFinal('closed'), true);
    assert.equal(machine.isFinal('open'), false);
    assert.equal(machine.isState('done'), true);
    assert.equal(machine.isState('toString'), false);
  });
});
