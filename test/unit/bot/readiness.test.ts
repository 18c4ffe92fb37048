import { strict as assert } from 'node:assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpReachable, runReadiness } from '../../../bot/readiness';

describe('readiness checks', () => {
  it('reports every check, naming the failed ones and why', async () => {
    const report = await runReadiness([
      { name: 'store', check: async () => undefined },
      { name: 'graph', check: async () => Promise.reject(new Error('getaddrinfo ENOTFOUND')) },
    ]);
    assert.deepEqual(report, { ready: false, checks: { store: 'ok', graph: 'getaddrinfo ENOTFOUND' } });
  });

  it('counts any HTTP answer as reachable, and a closed port as not', async () => {
    const server = createServer((_req, res) => {
      res.statusCode = 401;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      assert.equal(
        (await runReadiness([httpReachable('graph', `http://127.0.0.1:${port}/v1.0/$metadata`)])).ready,
        true,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const closed = await runReadiness([httpReachable('graph', `http://127.0.0.1:${port}/`)]);
    assert.equal(closed.ready, false);
  });
});
