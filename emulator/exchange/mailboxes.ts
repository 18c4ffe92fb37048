import type { TenantFixture, EmulatedUser, DirectoryView } from '../graph/routing';
import { coreFixture, type FixtureMailboxes } from '../tenant/fixture';

type Row = Record<string, unknown>;

/** The fixture's mailbox facts by owner alias (lower case), built with the identity index. */
interface Facts {
  smtp: Map<string, FixtureMailboxes['smtpForwarding'][number]>;
  delegates: Map<string, FixtureMailboxes['delegates']>;
  rules: Map<string, FixtureMailboxes['inboxRules']>;
}

function byAlias<T>(items: T[], alias: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = alias(item).toLowerCase();
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

/** Exchange Online's view of the tenant's mailboxes: auditing, forwarding and delegation, mutable. */
export class ExchangeMailboxes {
  private readonly data: FixtureMailboxes;
  private readonly auditOff = new Set<string>();
  private indexed?: { sig: string; map: Map<string, EmulatedUser>; facts: Facts };

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
    return this.index().map.get(key);
  }

  /**
   * Identity → owner, rebuilt when the tenant's size or mailbox facts change: a per-mailbox cmdlet over
   * 50,000 mailboxes must not scan them all each time (the digest benchmark calls one per mailbox).
   */
  private index(): { map: Map<string, EmulatedUser>; facts: Facts } {
    const d = this.data;
    // The directory's users are fixed when the tenant starts (it has no way to add one): only the
    // mailbox facts, which tests change, are in the signature. Listing users here would cost O(users)
    // for every per-mailbox cmdlet.
    const sig = [
      d.auditDisabled.length,
      d.smtpForwarding.length,
      d.inboxRules.length,
      d.delegates.length,
    ].join();
    if (this.indexed?.sig === sig) return this.indexed;
    const map = new Map<string, EmulatedUser>();
    // First match wins, as the linear search did: owners in directory order.
    for (const u of this.owners())
      for (const v of [u.alias, u.userPrincipalName, u.mail, u.id, u.displayName]) {
        const k = v.toLowerCase();
        if (!map.has(k)) map.set(k, u);
      }
    // Facts by owner too: Get-Mailbox over 50,000 mailboxes must not scan every delegate for each one.
    const facts: Facts = {
      // The first entry for a mailbox wins, as a search through the list would find it.
      smtp: new Map(d.smtpForwarding.toReversed().map((f) => [f.alias.toLowerCase(), f])),
      delegates: byAlias(d.delegates, (x) => x.mailboxAlias),
      rules: byAlias(d.inboxRules, (r) => r.alias),
    };
    this.indexed = { sig, map, facts };
    return this.indexed;
  }

  setAuditEnabled(user: EmulatedUser, enabled: boolean): void {
    if (enabled) this.auditOff.delete(user.alias.toLowerCase());
    else this.auditOff.add(user.alias.toLowerCase());
  }

  private delegatesOf(user: EmulatedUser, right: string) {
    return (this.index().facts.delegates.get(user.alias.toLowerCase()) ?? [])
      .filter((d) => d.rights.includes(right))
      .flatMap((d) => this.directory.userByAlias(d.delegateAlias) ?? []);
  }

  /** A Get-Mailbox row. */
  mailbox(u: EmulatedUser): Row {
    const fwd = this.index().facts.smtp.get(u.alias.toLowerCase());
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
    return (this.index().facts.rules.get(u.alias.toLowerCase()) ?? []).map((r, i) => ({
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
