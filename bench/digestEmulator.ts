/**
 * The digest benchmark's tenant, in a process of its own: the generated tenant and the emulator hold
 * hundreds of MB that must not count toward the collector's memory. Prints one JSON line (where the
 * emulator is, and a control port), then serves GET /stats (request counts by API) and POST
 * /throttle?capacity=&refill= on the control port.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateTenant, loadDemoFixture, startEmulator } from '../emulator';

async function main() {
  const users = Number(process.argv[2] ?? 50_000);
  const fixture = generateTenant(loadDemoFixture(), { users, seed: 13 });
  const emulator = await startEmulator({ fixture });
  const counts: Record<string, number> = {};
  const record = emulator.requestLog.record.bind(emulator.requestLog);
  emulator.requestLog.record = (e) => {
    // Requests on the wire: a $batch counts once, its items apart.
    const key = `${e.api}${e.inBatch ? ':item' : ''}${e.status === 429 ? ':429' : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
    record(e);
  };
  const control = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/throttle') {
      const capacity = Number(url.searchParams.get('capacity'));
      emulator.knobs.throttle(
        capacity ? { capacity, refillPerSecond: Number(url.searchParams.get('refill')) } : undefined,
      );
    } else if (url.pathname === '/reset') {
      for (const k of Object.keys(counts)) delete counts[k];
    }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ counts, rss: process.memoryUsage().rss }));
  });
  await new Promise<void>((r) => control.listen(0, '127.0.0.1', () => r()));
  const mailboxes = emulator.directory.users().filter((u) => u.userType === 'Member').length;
  console.log(
    JSON.stringify({
      url: emulator.url,
      tenantId: emulator.tenantId,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      control: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
      mailboxes,
    }),
  );
}

void main();
