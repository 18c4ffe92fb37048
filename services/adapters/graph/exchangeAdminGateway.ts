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

  async listMailboxes(): Promise<MailboxInfo[]> {
    const rows = await this.invoke('Get-Mailbox', { ResultSize: 'Unlimited' }, MAILBOX_FIELDS);
    return rows.map(toMailbox);
  }

  async mailboxPermissions(identity: string): Promise<MailboxPermissionInfo[]> {
    const rows = await this.invoke('Get-MailboxPermission', { Identity: identity });
    return rows.map(toMailboxPermission).filter((p) => !p.isInherited && p.user.toUpperCase() !== SELF);
  }

  async recipientPermissions(identity?: string): Promise<RecipientPermissionInfo[]> {
    const params = identity ? { Identity: identity } : { ResultSize: 'Unlimited' };
    const rows = await this.invoke('Get-RecipientPermission', params);
    return rows.map(toRecipientPermission).filter((p) => !p.isInherited && p.trustee.toUpperCase() !== SELF);
  }

  async setAuditEnabled(identity: string, enabled: boolean): Promise<void> {
    await this.invoke('Set-Mailbox', { Identity: identity, AuditEnabled: enabled });
  }

  /** Runs one cmdlet; an unknown identity (which Exchange may answer with a 400) is a NotFoundError. */
  private async invoke(
    cmdlet: string,
    parameters: Record<string, unknown>,
    select?: string,
  ): Promise<Json[]> {
    try {
      return await this.send(cmdlet, parameters, select);
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

  /** Sends one cmdlet and returns every row; a next page is fetched by POSTing the same body to nextLink. */
  private async send(cmdlet: string, parameters: Record<string, unknown>, select?: string): Promise<Json[]> {
    const body = { CmdletInput: { CmdletName: cmdlet, Parameters: parameters } };
    const first = select ? `${this.url}?$select=${select}` : this.url;
    return this.graph.exchange().run(`exchange ${cmdlet}`, async (client) => {
      const rows: Json[] = [];
      let next: string | undefined = first;
      while (next) {
        const page = (await client
          .api(next)
          .header('Prefer', `odata.maxpagesize=${this.pageSize}`)
          .post(body)) as Page<Json> | undefined;
        rows.push(...(page?.value ?? []));
        next = page?.['@odata.nextLink'];
      }
      return rows;
    });
  }
}
