// The click client's thread (see clickClient.ts): plain JavaScript, so no TypeScript loader is needed.
import { Buffer } from 'node:buffer';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { URL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const { url, bodies, concurrency } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency, scheduling: 'fifo' });

function send(method, path, body) {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, url),
      { method, agent, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// Opens the connections first (a liveness probe each, all at once), as a client that has been talking
// to the bot already has them.
await Promise.all(Array.from({ length: concurrency }, () => send('GET', '/healthz')));
const answers = new Array(bodies.length);
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < bodies.length) {
      const i = next++;
      const sent = performance.now();
      const { status, text } = await send('POST', url, bodies[i]);
      answers[i] = { ms: performance.now() - sent, status, text };
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
agent.destroy();
parentPort.postMessage({ answers, seconds });
