import type { Logger } from '../logger';
import type { DigestRun, DigestStore } from '../ports/digestStore';
import type { ExchangeGateway, MailboxInfo, RecipientPermissionInfo } from '../ports/exchange';
import type { SecurityReportsGateway } from '../ports/securityReports';
import { inPool } from '../inPool';
import { auditingFinding, delegateFindings, ruleFindings, smtpFinding } from './mailFindings';
import type { DigestFinding } from './model';

export interface MailCollectorDeps {
  exchange: ExchangeGateway;
  reports: SecurityReportsGateway;
  store: DigestStore;
  logger: Logger;
  /** Mailboxes per chunk: progress is saved after each, so a crash redoes at most one chunk. */
  chunkSize?: number;
  /**
   * Get-MailboxPermission calls in flight at most. Their rate is the Exchange gateway's business: it
   * paces the app's calls and slows down when Exchange throttles (AdaptiveRate).
   */
  exchangeConcurrency?: number;
}

/**
 * The runbook's mailbox checks, tenant-wide and resumable. Tenant-wide calls where they exist
 * (Get-Mailbox and Get-RecipientPermission, paged by 1,000; no per-mailbox call for SMTP forwarding,
 * auditing or SendOnBehalf), inbox rules through Graph $batch (20 mailboxes a request), and
 * Get-MailboxPermission per mailbox with bounded concurrency, since Exchange has no tenant-wide form.
 * Findings are written per chunk, keyed, so a chunk redone after a crash writes the same rows again.
 *
 * Mailboxes stream through a page at a time, in the order Exchange sorts them: at 50,000 mailboxes the
 * list held whole was most of what the collector kept alive, and V8 lets the heap grow to a multiple of
 * what is alive, so holding it cost several times its size in peak memory.
 */
export class MailCollector {
  constructor(private readonly deps: MailCollectorDeps) {}

  /** Collects from the run's cursor to the end; returns the run with its progress at the end. */
  async collect(
    run: DigestRun,
    advance: (cursor: number) => Promise<DigestRun>,
  ): Promise<{ run: DigestRun; mailboxCount: number }> {
    const { exchange, reports, store } = this.deps;
    const chunkSize = this.deps.chunkSize ?? 500;
    const domains = await reports.verifiedDomains();
    const sendAs = groupBy(await exchange.recipientPermissions(), (p) => p.identity.toLowerCase());
    let current = run;
    let seen = 0;
    // The cursor counts mailboxes in Exchange's sorted order; pages a crashed run finished are skipped.
    for await (const page of exchange.mailboxPages()) {
      const start = seen;
      seen += page.length;
      for (let at = Math.max(run.progress.cursor - start, 0); at < page.length; at += chunkSize) {
        const chunk = page.slice(at, at + chunkSize);
        await store.putFindings(run.id, await this.chunkFindings(chunk, sendAs, domains));
        current = await advance(start + at + chunk.length);
        this.deps.logger.debug({ runId: run.id, done: start + at + chunk.length }, 'digest mail chunk');
      }
    }
    return { run: current, mailboxCount: seen };
  }

  private async chunkFindings(
    chunk: MailboxInfo[],
    sendAs: Map<string, RecipientPermissionInfo[]>,
    domains: string[],
  ): Promise<DigestFinding[]> {
    const { exchange, reports } = this.deps;
    const ids = chunk.flatMap((m) => (m.userId ? [m.userId] : []));
    const [rules, fullAccess] = await Promise.all([
      reports.inboxRules(ids),
      inPool(chunk, this.deps.exchangeConcurrency ?? 4, (m) => exchange.mailboxPermissions(m.identity)),
    ]);
    return chunk.flatMap((m, i) => [
      ...ruleFindings(m, (m.userId && rules.get(m.userId)) || [], domains),
      ...[smtpFinding(m, domains), auditingFinding(m)].filter((f): f is DigestFinding => !!f),
      ...delegateFindings(m, fullAccess[i]!, sendAs.get(m.identity.toLowerCase()) ?? []),
    ]);
  }
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
