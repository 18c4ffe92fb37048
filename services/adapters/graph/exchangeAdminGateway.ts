import type {
  ExchangeGateway,
  MailboxInfo,
  MailboxPermissionInfo,
  RecipientPermissionInfo,
} from '../../ports/exchange';
import { GraphRequestError, NotFoundError } from '../../ports/graphErrors';
import type { GraphClientFactory } from './clientFactory';
import type { Json } from './entitlementMappers';
import { toMailbox, toMailboxPermission, toRecipientPermission } from './exchangeMappers';
import type { Page } from './graphSession';

const MAILBOX_FIELDS = [
  'ExternalDirectoryObjectId',
  'Identity',
  'DisplayName',
  'PrimarySmtpAddress',
  'UserPrincipalName',
  'RecipientTypeDetails',
  'AuditEnabled',
  'ForwardingSmtpAddress',
  'ForwardingAddress',
  'DeliverToMailboxAndForward',
  'GrantSendOnBehalfTo',
].join(',');

/** The mailbox's own rights (`NT AUTHORITY\SELF`) are not a delegation. */
const SELF = 'NT AUTHORITY\\SELF';

/**
 * Exchange Online through its admin REST endpoint (the one behind the ExchangeOnlineManagement module):
 * one cmdlet per POST to `/adminapi/beta/{tenant}/InvokeCommand`, paged like OData.
 */
export class ExchangeAdminGateway implements ExchangeGateway {
  private readonly url: string;

  constructor(
    private readonly graph: GraphClientFactory,
    exchangeBaseUrl: string,
    tenantId: string,
    private readonly pageSize = 1000,
  ) {
    this.url = `${exchangeBaseUrl.replace(/\/$/, '')}/adminapi/beta/${encodeURIComponent(tenantId)}/InvokeCommand`;
  }

  // Each page is mapped (and filtered) as it arrives: at 50,000 mailboxes the raw rows of Get-Mailbox,
  // and the SELF row Get-RecipientPermission returns for every mailbox, are never all held at once.
  async listMailboxes(): Promise<MailboxInfo[]> {
    return this.invoke('Get-Mailbox', { ResultSize: 'Unlimited' }, toMailbox, MAILBOX_FIELDS);
  }

  async *mailboxPages(): AsyncIterable<MailboxInfo[]> {
    const params = { ResultSize: 'Unlimited', SortBy: 'Name' };
    const body = { CmdletInput: { CmdletName: 'Get-Mailbox', Parameters: params } };
    let next: string | undefined = `${this.url}?$select=${MAILBOX_FIELDS}`;
    while (next) {
      const url: string = next;
      const page = (await this.graph
        .exchange()
        .run('exchange Get-Mailbox', (client) =>
          client.api(url).header('Prefer', `odata.maxpagesize=${this.pageSize}`).post(body),
        )) as Page<Json> | undefined;
      next = page?.['@odata.nextLink'];
      yield (page?.value ?? []).map(toMailbox);
    }
  }

  async mailboxPermissions(identity: string): Promise<MailboxPermissionInfo[]> {
    return this.invoke('Get-MailboxPermission', { Identity: identity }, (row) => {
      const p = toMailboxPermission(row);
      return !p.isInherited && p.user.toUpperCase() !== SELF ? p : undefined;
    });
  }

  async recipientPermissions(identity?: string): Promise<RecipientPermissionInfo[]> {
    const params = identity ? { Identity: identity } : { ResultSize: 'Unlimited' };
    return this.invoke('Get-RecipientPermission', params, (row) => {
      const p = toRecipientPermission(row);
      return !p.isInherited && p.trustee.toUpperCase() !== SELF ? p : undefined;
    });
  }

  async setAuditEnabled(identity: string, enabled: boolean): Promise<void> {
    await this.invoke('Set-Mailbox', { Identity: identity, AuditEnabled: enabled }, () => undefined);
  }

  /**
   * Runs one cmdlet, keeping what `map` returns for each row (undefined drops it); an unknown identity
   * (which Exchange may answer with a 400) is a NotFoundError.
   */
  private async invoke<T>(
    cmdlet: string,
    parameters: Record<string, unknown>,
    map: (row: Json) => T | undefined,
    select?: string,
  ): Promise<T[]> {
    try {
      return await this.send(cmdlet, parameters, map, select);
    } catch (err) {
      if (
        err instanceof GraphRequestError &&
        /ManagementObjectNotFound|couldn't be found/i.test(err.message)
      ) {
        throw new NotFoundError(err.message, err.graphCode);
      }
      throw err;
    }
  }

  /** Sends one cmdlet and maps every row; a next page is fetched by POSTing the same body to nextLink. */
  private async send<T>(
    cmdlet: string,
    parameters: Record<string, unknown>,
    map: (row: Json) => T | undefined,
    select?: string,
  ): Promise<T[]> {
    const body = { CmdletInput: { CmdletName: cmdlet, Parameters: parameters } };
    const first = select ? `${this.url}?$select=${select}` : this.url;
    return this.graph.exchange().run(`exchange ${cmdlet}`, async (client) => {
      const out: T[] = [];
      let next: string | undefined = first;
      while (next) {
        const page = (await client
          .api(next)
          .header('Prefer', `odata.maxpagesize=${this.pageSize}`)
          .post(body)) as Page<Json> | undefined;
        for (const row of page?.value ?? []) {
          const kept = map(row);
          if (kept !== undefined) out.push(kept);
        }
        next = page?.['@odata.nextLink'];
      }
      return out;
    });
  }
}
