import type { TenantFixture, EmulatedUser, DirectoryView } from '../graph/routing';
import { coreFixture, type FixtureMailboxes } from '../tenant/fixture';

type Row = Record<string, unknown>;

/** Exchange Online's view of the tenant's mailboxes: auditing, forwarding and delegation, mutable. */
export class ExchangeMailboxes {
  private readonly data: FixtureMailboxes;
  private readonly auditOff = new Set<string>();
  private indexed?: { sig: string; map: Map<string, EmulatedUser> };

  constructor(
    fixture: TenantFixture,
    private readonly directory: DirectoryView,
  ) {
    this.data = coreFixture(fixture).mailboxes ?? {
      inboxRules: [],
      smtpForwarding: [],
      delegates: [],
      auditDisabled: [],
    };
    for (const alias of this.data.auditDisabled) this.auditOff.add(alias.toLowerCase());
  }

  /**
   * Mailbox owners: members, plus any guest the fixture gives mailbox facts to (Exchange would list a
   * guest only as a mail user; the fixture decides).
   */
  owners(): EmulatedUser[] {
    const d = this.data;
    const named = new Set(
      [
        ...d.auditDisabled,
        ...d.smtpForwarding.map((f) => f.alias),
        ...d.inboxRules.map((r) => r.alias),
        ...d.delegates.map((x) => x.mailboxAlias),
      ].map((a) => a.toLowerCase()),
    );
    return this.directory.users().filter((u) => u.userType === 'Member' || named.has(u.alias.toLowerCase()));
  }

  /** Resolves `-Identity` the way Exchange does: alias, UPN, SMTP address, object id or display name. */
  resolve(identity: string): EmulatedUser | undefined {
    const key = identity.replace(/^smtp:/i, '').toLowerCase();
    return this.index().get(key);
  }

  /**
   * Identity → owner, rebuilt when the tenant's size or mailbox facts change: a per-mailbox cmdlet over
   * 50,000 mailboxes must not scan them all each time (the digest benchmark calls one per mailbox).
   */
  private index(): Map<string, EmulatedUser> {
    const d = this.data;
    const users = this.directory.users();
    const sig = [
      users.length,
      d.auditDisabled.length,
      d.smtpForwarding.length,
      d.inboxRules.length,
      d.delegates.length,
    ].join();
    if (this.indexed?.sig === sig) return this.indexed.map;
    const map = new Map<string, EmulatedUser>();
    // First match wins, as the linear search did: owners in directory order.
    for (const u of this.owners())
      for (const v of [u.alias, u.userPrincipalName, u.mail, u.id, u.displayName]) {
        const k = v.toLowerCase();
        if (!map.has(k)) map.set(k, u);
      }
    this.indexed = { sig, map };
    return map;
  }

  setAuditEnabled(user: EmulatedUser, enabled: boolean): void {
    if (enabled) this.auditOff.delete(user.alias.toLowerCase());
    else this.auditOff.add(user.alias.toLowerCase());
  }

  private delegatesOf(user: EmulatedUser, right: string) {
    return this.data.delegates
      .filter((d) => d.mailboxAlias.toLowerCase() === user.alias.toLowerCase() && d.rights.includes(right))
      .flatMap((d) => this.directory.userByAlias(d.delegateAlias) ?? []);
  }

  /** A Get-Mailbox row. */
  mailbox(u: EmulatedUser): Row {
    const fwd = this.data.smtpForwarding.find((f) => f.alias.toLowerCase() === u.alias.toLowerCase());
    return {
      Identity: u.alias,
      Name: u.alias,
      Alias: u.alias,
      DisplayName: u.displayName,
      UserPrincipalName: u.userPrincipalName,
      PrimarySmtpAddress: u.mail,
      EmailAddresses: [`SMTP:${u.mail}`],
      ExternalDirectoryObjectId: u.id,
      RecipientTypeDetails: 'UserMailbox',
      AuditEnabled: !this.auditOff.has(u.alias.toLowerCase()),
      ForwardingSmtpAddress: fwd ? `smtp:${fwd.forwardingSmtpAddress}` : null,
      ForwardingAddress: null,
      DeliverToMailboxAndForward: fwd?.deliverToMailboxAndForward ?? false,
      GrantSendOnBehalfTo: this.delegatesOf(u, 'SendOnBehalf').map((d) => d.alias),
      IsMailboxEnabled: true,
    };
  }

  /** Get-MailboxPermission rows: the owner's SELF grant, then explicit delegates. */
  mailboxPermissions(u: EmulatedUser): Row[] {
    const self = {
      Identity: u.alias,
      User: 'NT AUTHORITY\\SELF',
      AccessRights: ['FullAccess', 'ReadPermission'],
      IsInherited: false,
      Deny: false,
      InheritanceType: 'All',
    };
    const delegates = this.delegatesOf(u, 'FullAccess').map((d) => ({
      Identity: u.alias,
      User: d.userPrincipalName,
      AccessRights: ['FullAccess'],
      IsInherited: false,
      Deny: false,
      InheritanceType: 'All',
    }));
    return [self, ...delegates];
  }

  /** Get-RecipientPermission rows (SendAs), including the owner's SELF row as Exchange lists it. */
  recipientPermissions(u: EmulatedUser): Row[] {
    const row = (trustee: string) => ({
      Identity: u.alias,
      Trustee: trustee,
      AccessControlType: 'Allow',
      AccessRights: ['SendAs'],
      IsInherited: false,
      InheritanceType: 'None',
    });
    return [row('NT AUTHORITY\\SELF'), ...this.delegatesOf(u, 'SendAs').map((d) => row(d.userPrincipalName))];
  }

  /** Get-InboxRule rows for a mailbox. */
  inboxRules(u: EmulatedUser): Row[] {
    const addr = (list: unknown) =>
      Array.isArray(list) ? list.map((a) => `"${String(a)}" [SMTP:${String(a)}]`) : null;
    return this.data.inboxRules
      .filter((r) => r.alias.toLowerCase() === u.alias.toLowerCase())
      .map((r, i) => ({
        Identity: `${u.alias}\\${1000 + i}`,
        RuleIdentity: String(1000 + i),
        Name: r.displayName,
        Enabled: r.isEnabled,
        Priority: i + 1,
        MailboxOwnerId: u.alias,
        ForwardTo: addr(r.actions.forwardTo),
        RedirectTo: addr(r.actions.redirectTo),
        ForwardAsAttachmentTo: addr(r.actions.forwardAsAttachmentTo),
        MoveToFolder:
          typeof r.actions.moveToFolder === 'string' ? `${u.alias}:\\${r.actions.moveToFolder}` : null,
        SubjectContainsWords: (r.conditions?.subjectContains as string[] | undefined) ?? null,
      }));
  }
}
