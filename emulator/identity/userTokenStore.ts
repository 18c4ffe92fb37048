import { randomInt, randomUUID } from 'node:crypto';
import type { SessionAuth } from './claimsChallenge';
import type { TokenIssuer } from './tokenIssuer';

/** A user's stored token for one OAuth connection, and how they signed in for it. */
export interface StoredToken {
  userId: string;
  connectionName: string;
  auth: Required<SessionAuth>;
  token: string;
  /** Wall-clock ms, as the token's `exp` (token caches compare against real time). */
  expiresAt: number;
}

const LIFETIME_MS = 3_600_000;
/** A token this close to its end is renewed first, so that no caller gets one about to lapse. */
const RENEW_BEFORE_MS = 5 * 60_000;
/** Sign-in flows and magic codes expire like the real service's (minutes, not hours). */
const PENDING_MS = 10 * 60_000;

interface Pending {
  userId: string;
  connectionName: string;
  auth: Required<SessionAuth>;
  until: number;
}

/** An interactive sign-in in progress: what it must satisfy (`claims`) and the step it waits for. */
export interface SignInFlow extends Pending {
  claims: string;
  step: 'password' | 'mfa';
}

const key = (userId: string, connectionName: string) =>
  `${userId.toLowerCase()}\n${connectionName.toLowerCase()}`;

/**
 * What the Bot Framework token service keeps: per user and connection, the token a sign-in produced. It
 * hands out that same token until it nears its end, then renews it for the same sign-in session (the
 * real service redeems its refresh token), until the user signs out. Nobody has a token before signing in.
 */
export class UserTokenStore {
  private readonly tokens = new Map<string, StoredToken>();
  private readonly codes = new Map<string, Pending & { code: string }>();
  private readonly flows = new Map<string, SignInFlow>();
  private readonly seenConnections = new Set<string>();

  constructor(
    private readonly issuer: TokenIssuer,
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs = LIFETIME_MS,
  ) {}

  /** The user completed a sign-in (sign-in page, magic code, or Teams SSO exchange). */
  signIn(userId: string, connectionName: string, auth: SessionAuth = {}): StoredToken {
    const session = { amr: auth.amr?.length ? auth.amr : ['pwd'], acrs: auth.acrs ?? [] };
    this.seenConnections.add(connectionName);
    return this.mint(userId, connectionName, session);
  }

  /** The stored token, renewed when it nears its end; undefined when the user has not signed in. */
  current(userId: string, connectionName: string): StoredToken | undefined {
    const stored = this.tokens.get(key(userId, connectionName));
    if (!stored) return undefined;
    if (stored.expiresAt - this.now() > RENEW_BEFORE_MS) return stored;
    return this.mint(stored.userId, stored.connectionName, stored.auth);
  }

  /** Forgets the user's tokens: of one connection, or of all. */
  signOut(userId: string, connectionName?: string): void {
    for (const [k, t] of this.tokens) {
      const sameUser = t.userId.toLowerCase() === userId.toLowerCase();
      if (sameUser && (!connectionName || t.connectionName.toLowerCase() === connectionName.toLowerCase()))
        this.tokens.delete(k);
    }
  }

  /** Connection names the service has tokens for (GetTokenStatus lists them). */
  connections(): string[] {
    return [...this.seenConnections];
  }

  /** Starts an interactive sign-in: the page's steps carry this flow id. */
  startFlow(userId: string, connectionName: string, claims: string): string {
    for (const [id, f] of this.flows) if (f.until <= this.now()) this.flows.delete(id);
    const id = randomUUID();
    const auth = { amr: ['pwd'], acrs: [] };
    const until = this.now() + PENDING_MS;
    this.flows.set(id, { userId, connectionName, auth, claims, step: 'password', until });
    return id;
  }

  /** A sign-in flow still open, or undefined. */
  flow(id: string): SignInFlow | undefined {
    const f = this.flows.get(id);
    return f && f.until > this.now() ? f : undefined;
  }

  /** The sign-in finished: its token waits for the bot to redeem the magic code returned here. */
  finishFlow(id: string, auth: Required<SessionAuth>): string | undefined {
    const f = this.flow(id);
    if (!f) return undefined;
    this.flows.delete(id);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.codes.set(key(f.userId, f.connectionName), { ...f, auth, code, until: this.now() + PENDING_MS });
    return code;
  }

  /** GetToken with `code`: the finished sign-in becomes the stored token when the code matches. */
  redeem(userId: string, connectionName: string, code: string): StoredToken | undefined {
    const k = key(userId, connectionName);
    const pending = this.codes.get(k);
    if (!pending || pending.until <= this.now() || pending.code !== code.trim()) return undefined;
    this.codes.delete(k);
    return this.signIn(pending.userId, pending.connectionName, pending.auth);
  }

  private mint(userId: string, connectionName: string, auth: Required<SessionAuth>): StoredToken {
    const opts = { mfa: auth.amr.includes('mfa'), acrs: auth.acrs };
    const token = this.issuer.userAssertion(userId, opts, Math.round(this.lifetimeMs / 1000));
    const stored = { userId, connectionName, auth, token, expiresAt: this.now() + this.lifetimeMs };
    this.tokens.set(key(userId, connectionName), stored);
    return stored;
  }
}
