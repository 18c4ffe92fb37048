import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { createLogger } from '../../../services/logger';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
  };
}

describe('createLogger', () => {
  it('redacts secrets wherever they sit in a log object', () => {
    const out = capture();
    const log = createLogger({ level: 'info', pretty: false, destination: out.stream });
    log.info(
      {
        password: 'p@ss',
        req: { headers: { authorization: 'Bearer abc.def.ghi' } },
        graph: { accessToken: 'tok', clientSecret: 'sec' },
        userId: 'u1',
      },
      'hello',
    );
    const [line] = out.lines();
    const text = JSON.stringify(line);
    for (const secret of ['p@ss', 'abc.def.ghi', '"tok"', '"sec"']) assert.ok(!text.includes(secret), secret);
    assert.equal(line?.userId, 'u1');
    assert.equal(line?.msg, 'hello');
  });

  it('writes nothing below its level', () => {
    const out = capture();
    const log = createLogger({ level: 'warn', pretty: false, destination: out.stream });
    log.info('quiet');
    log.warn('loud');
    assert.deepEqual(
      out.lines().map((l) => l.msg),
      ['loud'],
    );
  });
});
