import { strict as assert } from 'node:assert';
import dns from 'node:dns';
import { once } from 'node:events';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import {
  destinationOf,
  installNetworkGuard,
  isChosenMongoHost,
  isLoopbackHost,
  mochaHooks,
  takeViolations,
} from '../../support/networkGuard';

// Addresses reserved for documentation (RFC 5737) and a name that can never resolve (RFC 6761):
// even a broken guard would send nothing that reaches a real host.
const TEST_NET = '192.0.2.1';
const INVALID_NAME = 'gatekeeper.invalid';

describe('test network guard', () => {
  before(() => {
    // The guard is a root hook in .mocharc.json; without it these tests would try the addresses.
    assert.equal(installNetworkGuard(), installNetworkGuard(), 'one guard per process');
    assert.notEqual(net.Socket.prototype.connect.name, 'connect', 'net.Socket#connect is guarded');
  });
  afterEach(() => takeViolations());

  it('tells loopback from everything else', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])
      assert.ok(isLoopbackHost(h), h);
    for (const h of [
      TEST_NET,
      '10.0.0.1',
      '169.254.169.254',
      '::2',
      'login.microsoftonline.com',
      '128.0.0.1',
    ])
      assert.ok(!isLoopbackHost(h), h);
  });

  it('also lets through the MongoDB server a developer chose in MONGODB_URI, and nothing else', () => {
    const uri = 'mongodb://user:pw@db1.example.net:27017,db2.example.net/gk?replicaSet=rs0';
    assert.ok(isChosenMongoHost('db1.example.net', uri));
    assert.ok(isChosenMongoHost('DB2.example.net', uri));
    assert.ok(!isChosenMongoHost('db3.example.net', uri));
    const srv = 'mongodb+srv://cluster0.ab12c.mongodb.net/gk';
    assert.ok(isChosenMongoHost('cluster0-shard-00-01.ab12c.mongodb.net', srv));
    assert.ok(!isChosenMongoHost('evil.mongodb.net', srv));
    assert.ok(!isChosenMongoHost('db1.example.net', undefined));
  });

  it("reads the destination from every form of Socket#connect's arguments", () => {
    assert.deepEqual(destinationOf([{ host: TEST_NET, port: 443 }]), { host: TEST_NET, port: 443 });
    assert.deepEqual(destinationOf([[{ host: 'a.b', port: '80' }, () => undefined]]), {
      host: 'a.b',
      port: 80,
    });
    assert.deepEqual(destinationOf([8080, TEST_NET]), { host: TEST_NET, port: 8080 });
    assert.deepEqual(destinationOf([8080]), { host: 'localhost', port: 8080 });
    assert.equal(destinationOf([{ path: '/tmp/x.sock' }]), undefined);
    assert.equal(destinationOf(['/tmp/x.sock']), undefined);
  });

  it('refuses a TCP connection beyond loopback before it is made, and records it', async () => {
    const socket = net.connect({ host: TEST_NET, port: 9 });
    const [err] = (await once(socket, 'error')) as [NodeJS.ErrnoException];
    assert.equal(err.code, 'ENETGUARD');
    assert.deepEqual(takeViolations(), [{ what: 'connect', host: TEST_NET, port: 9 }]);
  });

  it('refuses TLS, fetch and lookups of outside names too', async () => {
    const secure = tls.connect({ host: INVALID_NAME, port: 443 });
    assert.equal(((await once(secure, 'error')) as [NodeJS.ErrnoException])[0].code, 'ENETGUARD');
    await assert.rejects(fetch(`http://${TEST_NET}:8080/`));
    await assert.rejects(dns.promises.lookup(INVALID_NAME), { code: 'ENETGUARD' });
    const hosts = takeViolations().map((v) => `${v.what} ${v.host}`);
    assert.deepEqual(hosts, [`connect ${INVALID_NAME}`, `connect ${TEST_NET}`, `lookup ${INVALID_NAME}`]);
  });

  it('lets loopback connections through', async () => {
    const server = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      assert.equal(await (await fetch(`http://127.0.0.1:${port}/`)).text(), 'ok');
      assert.equal(await (await fetch(`http://localhost:${port}/`)).text(), 'ok');
      assert.deepEqual(takeViolations(), []);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('fails the test that left loopback (the root afterEach hook throws), then starts clean', async () => {
    net.connect({ host: TEST_NET, port: 9 }).on('error', () => undefined);
    const context = { currentTest: { fullTitle: () => 'a leaky test' } } as unknown as Mocha.Context;
    assert.throws(
      () => mochaHooks.afterEach.call(context),
      /"a leaky test" reached beyond loopback: connect 192\.0\.2\.1:9/,
    );
    assert.doesNotThrow(() => mochaHooks.afterEach.call(context));
  });
});
