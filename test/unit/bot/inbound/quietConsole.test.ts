/* eslint-disable no-console -- what is printed to the console is the subject here */
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { withoutConsole } from '../../../../bot/inbound/quietConsole';

describe('withoutConsole', () => {
  it('drops console output inside its async context only, even while other code prints', async () => {
    const printed: string[] = [];
    const err = sinon.stub(process.stderr, 'write').callsFake((c) => (printed.push(String(c)), true));
    const out = sinon.stub(process.stdout, 'write').callsFake((c) => (printed.push(String(c)), true));
    try {
      let resume!: () => void;
      const paused = new Promise<void>((resolve) => (resume = resolve));
      const quiet = withoutConsole(async () => {
        console.error('hidden before');
        await paused;
        console.log('hidden after');
        return 7;
      });
      console.error('visible meanwhile');
      resume();
      assert.equal(await quiet, 7);
      console.log('visible after');
    } finally {
      err.restore();
      out.restore();
    }
    assert.deepEqual(printed, ['visible meanwhile\n', 'visible after\n']);
  });

  it('passes errors through', async () => {
    await assert.rejects(
      withoutConsole(async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
  });
});
