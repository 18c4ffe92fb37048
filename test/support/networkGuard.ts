import dns from 'node:dns';
import { isIP } from 'node:net';
import net from 'node:net';

/**
 * Mocha root hooks (registered in .mocharc.json): every TCP connection (http, https, fetch, TLS, the
 * MongoDB driver all go through net.Socket#connect) and every host-name lookup must stay on loopback.
 * Anything else is refused before a packet leaves, recorded, and fails the test that caused it.
 */

/** A connection or lookup the guard refused. */
export interface Violation {
  what: 'connect' | 'lookup';
  host: string;
  port?: number;
}

interface GuardState {
  violations: Violation[];
}

// On globalThis so that a second copy of this module (another loader) shares one patch and one list.
const KEY = Symbol.for('gatekeeper.test.networkGuard');
const holder = globalThis as unknown as Record<symbol, GuardState | undefined>;

/** True for 127.0.0.0/8, ::1, IPv4-mapped loopback, and the name localhost (RFC 6761 §6.3). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h.startsWith('::ffff:127.');
  return false;
}

/**
 * The MongoDB server a developer chose with MONGODB_URI (DEVELOPERS.md: tests use it when set) may be
 * elsewhere: its hosts are allowed, and for mongodb+srv the hosts its SRV record names, which by the
 * driver's rules share the URI host's parent domain.
 */
export function isChosenMongoHost(host: string, uri = process.env.MONGODB_URI): boolean {
  const m = /^mongodb(\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/i.exec(uri ?? '');
  if (!m) return false;
  const h = host.toLowerCase();
  const hosts = m[2]!.split(',').map((x) =>
    x
      .replace(/:\d+$/, '')
      .replace(/^\[|\]$/g, '')
      .toLowerCase(),
  );
  if (hosts.includes(h)) return true;
  const parent = m[1] ? hosts[0]!.split('.').slice(1).join('.') : '';
  return parent.includes('.') && h.endsWith(`.${parent}`);
}

const allowed = (host: string) => isLoopbackHost(host) || isChosenMongoHost(host);

/** Where Socket#connect is asked to go; undefined for an IPC path (a local socket file). */
export function destinationOf(args: unknown[]): { host: string; port?: number } | undefined {
  // net.connect() hands Socket#connect its arguments already normalised, as one array.
  const list = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const [first, second] = list;
  if (typeof first === 'object' && first !== null) {
    const o = first as { host?: unknown; path?: unknown; port?: unknown };
    if (typeof o.path === 'string' && o.path) return undefined;
    const host = typeof o.host === 'string' && o.host ? o.host : 'localhost';
    return { host, port: Number(o.port) || undefined };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return undefined;
  return { host: typeof second === 'string' && second ? second : 'localhost', port: Number(first) };
}

function refusal(v: Violation): Error {
  const where = v.port ? `${v.host}:${v.port}` : v.host;
  const err = new Error(`network guard: tests may only reach loopback, refused ${v.what} ${where}`);
  (err as NodeJS.ErrnoException).code = 'ENETGUARD';
  return err;
}

/** Patches net and dns once per process; later calls return the same state. */
export function installNetworkGuard(): GuardState {
  const existing = holder[KEY];
  if (existing) return existing;
  const state: GuardState = { violations: [] };
  holder[KEY] = state;

  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const to = destinationOf(args);
    if (!to || allowed(to.host)) return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    const v: Violation = { what: 'connect', ...to };
    state.violations.push(v);
    process.nextTick(() => this.destroy(refusal(v)));
    return this;
  } as typeof connect;

  const lookup = dns.lookup;
  dns.lookup = function guardedLookup(host: string, ...rest: unknown[]) {
    if (typeof host !== 'string' || allowed(host)) {
      return (lookup as (...a: unknown[]) => void).call(dns, host, ...rest);
    }
    const v: Violation = { what: 'lookup', host };
    state.violations.push(v);
    const callback = rest.at(-1);
    if (typeof callback === 'function') process.nextTick(() => callback(refusal(v)));
  } as typeof dns.lookup;
  const lookupPromise = dns.promises.lookup;
  dns.promises.lookup = async function guardedLookupPromise(host: string, ...rest: unknown[]) {
    if (allowed(host))
      return (lookupPromise as (...a: unknown[]) => unknown).call(dns.promises, host, ...rest);
    const v: Violation = { what: 'lookup', host };
    state.violations.push(v);
    throw refusal(v);
  } as typeof dns.promises.lookup;
  return state;
}

/** The violations recorded since the last call, emptying the list. */
export function takeViolations(): Violation[] {
  return installNetworkGuard().violations.splice(0);
}

function failOnViolations(when: string): void {
  const found = takeViolations();
  if (found.length === 0) return;
  const list = found.map((v) => `${v.what} ${v.host}${v.port ? `:${v.port}` : ''}`).join(', ');
  throw new Error(`Network guard: ${when} reached beyond loopback: ${list}`);
}

installNetworkGuard();

/** Root hooks: a test (or a suite's hooks) that tried to leave loopback fails. */
export const mochaHooks = {
  afterEach(this: Mocha.Context): void {
    failOnViolations(`"${this.currentTest?.fullTitle() ?? 'a test'}"`);
  },
  afterAll(): void {
    failOnViolations('the run');
  },
};
