import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a CSV link grants: one file of one run, to one user, until a time. */
export interface LinkGrant {
  runId: string;
  /** A section id, or 'all'. */
  file: string;
  userId: string;
  /** Unix seconds. */
  expires: number;
}

/** Why a link does not open. */
export type LinkRefusal = 'badSignature' | 'expired' | 'malformed';

/**
 * Signed, expiring, per-recipient links. Teams opens a link in the browser with no Authorization header,
 * so the link itself must say who it is for and prove it came from the bot: HMAC-SHA256 over
 * (run, file, user, expiry) with a server-side key. The server still checks that the user is a recipient
 * now, so a link of someone who stopped being one no longer opens.
 */
export class SignedLinks {
  constructor(
    private readonly secret: string,
    private readonly ttlMs: number,
  ) {}

  /** The query string for a grant that starts now. */
  sign(runId: string, file: string, userId: string, now: Date): string {
    const expires = Math.floor((now.getTime() + this.ttlMs) / 1000);
    const q = new URLSearchParams({
      u: userId,
      e: String(expires),
      s: this.mac({ runId, file, userId, expires }),
    });
    return q.toString();
  }

  /** The grant the link carries, or why it is refused. */
  verify(runId: string, file: string, query: URLSearchParams, now: Date): LinkGrant | LinkRefusal {
    const userId = query.get('u');
    const expires = Number(query.get('e'));
    const sig = query.get('s');
    if (!userId || !sig || !Number.isInteger(expires)) return 'malformed';
    const grant = { runId, file, userId, expires };
    const want = Buffer.from(this.mac(grant));
    const got = Buffer.from(sig);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return 'badSignature';
    if (expires * 1000 <= now.getTime()) return 'expired';
    return grant;
  }

  private mac(g: LinkGrant): string {
    return createHmac('sha256', this.secret)
      .update([g.runId, g.file, g.userId, g.expires].join('\n'))
      .digest('base64url');
  }
}
