// The benchmark client's thread (see clickClient.ts): plain JavaScript, so no TypeScript loader is needed.
import { Buffer } from 'node:buffer';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { URL } from 'node:url';
import { parentPort } from 'node:worker_threads';

const agent = new Agent({ keepAlive: true, maxSockets: 100, scheduling: 'fifo' });

function send(method, url, body) {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(url),
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

async function timed(url, body) {
  const sent = performance.now();
  const { status, text } = await send('POST', url, body);
  // sentAt in epoch ms: the other threads' clocks start elsewhere, timeOrigin puts them on one scale.
  return { ms: performance.now() - sent, sentAt: performance.timeOrigin + sent, status, text };
}

async function burst({ url, bodies, concurrency }, progress) {
  // Opens the connections first (a liveness probe each, all at once), as a client that has been talking
  // to the bot already has them.
  await Promise.all(Array.from({ length: concurrency }, () => send('GET', new URL('/healthz', url).href)));
  const answers = new Array(bodies.length);
  const started = performance.now();
  let next = 0;
  let answered = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const i = next++;
        answers[i] = await timed(url, bodies[i]);
        if (++answered % 25 === 0) progress(answered);
      }
    }),
  );
  return { answers, seconds: (performance.now() - started) / 1000 };
}

parentPort.on('message', async ({ id, kind, ...args }) => {
  try {
    const progress = (done) => parentPort.postMessage({ id, done });
    const result = kind === 'burst' ? await burst(args, progress) : await timed(args.url, args.body);
    parentPort.postMessage({ id, result });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err) });
  }
});
