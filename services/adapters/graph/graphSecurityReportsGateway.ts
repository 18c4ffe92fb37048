import type {
  DirectoryAuditRecord,
  InboxRuleInfo,
  SecureScoreControlProfile,
  SecureScoreSnapshot,
  SecurityReportsGateway,
  SignInRecord,
} from '../../ports/securityReports';
import type { GraphClientFactory } from './clientFactory';
import type { Json } from './entitlementMappers';
import { literal, seg, withQuery } from './odata';
import { toControlProfile, toDirectoryAudit, toInboxRule, toSecureScore, toSignIn } from './securityMappers';

/** Secure Score, inbox rules and audit logs over Microsoft Graph v1.0, app-only. */
export class GraphSecurityReportsGateway implements SecurityReportsGateway {
  constructor(private readonly graph: GraphClientFactory) {}

  async secureScores(count: number): Promise<SecureScoreSnapshot[]> {
    const items = await this.graph
      .app()
      .getAll<Json>('secure scores', withQuery('/security/secureScores', { $top: count }), count);
    return items.map(toSecureScore).sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
  }

  async controlProfiles(): Promise<SecureScoreControlProfile[]> {
    return (
      await this.graph.app().getAll<Json>('control profiles', '/security/secureScoreControlProfiles')
    ).map(toControlProfile);
  }

  async inboxRules(userIds: string[]): Promise<Map<string, InboxRuleInfo[]>> {
    const session = this.graph.app();
    const ids = [...new Set(userIds)];
    const path = (id: string) => `/users/${seg(id)}/mailFolders/inbox/messageRules`;
    const answers = await session.batch(
      'inbox rules',
      ids.map((id, i) => ({ id: String(i), method: 'GET', url: path(id) })),
    );
    const out = new Map<string, InboxRuleInfo[]>();
    for (const [i, id] of ids.entries()) {
      const answer = answers.get(String(i))!;
      if (answer.status === 404) continue; // no mailbox
      if (answer.status >= 300) throw session.itemError(answer);
      const body = answer.body as Json;
      // A mailbox with many rules pages like any collection: fetch the rest outside the batch.
      const rules = body['@odata.nextLink']
        ? await session.getAll<Json>('inbox rules', path(id))
        : (body.value as Json[]);
      out.set(id, rules.map(toInboxRule));
    }
    return out;
  }

  async signIns(since: Date, userId?: string): Promise<SignInRecord[]> {
    const filter = [`createdDateTime ge ${since.toISOString()}`, userId ? `userId eq ${literal(userId)}` : '']
      .filter(Boolean)
      .join(' and ');
    return (
      await this.graph.app().getAll<Json>('sign-ins', withQuery('/auditLogs/signIns', { $filter: filter }))
    ).map(toSignIn);
  }

  async verifiedDomains(): Promise<string[]> {
    // GET /domains (Domain.Read.All or Directory.Read.All, app-only): only verified ones count as inside.
    const domains = await this.graph.app().getAll<Json>('domains', '/domains');
    return domains.filter((d) => d.isVerified === true).map((d) => String(d.id).toLowerCase());
  }

  async directoryAudits(since: Date, category?: string): Promise<DirectoryAuditRecord[]> {
    const filter = [
      `activityDateTime ge ${since.toISOString()}`,
      category ? `category eq ${literal(category)}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    const items = await this.graph
      .app()
      .getAll<Json>('directory audits', withQuery('/auditLogs/directoryAudits', { $filter: filter }));
    return items.map(toDirectoryAudit);
  }
}
