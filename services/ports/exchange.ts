/**
 * Exchange Online facts Graph does not expose (mailbox auditing, SMTP forwarding, mailbox
 * permissions), read through Exchange's admin REST; app-only.
 */

export interface MailboxInfo {
  /** Entra object id of the mailbox's user (ExternalDirectoryObjectId). */
  userId?: string;
  identity: string;
  displayName: string;
  primarySmtpAddress: string;
  userPrincipalName?: string;
  /** e.g. 'UserMailbox', 'SharedMailbox'. */
  recipientTypeDetails: string;
  auditEnabled: boolean;
  forwardingSmtpAddress?: string;
  forwardingAddress?: string;
  deliverToMailboxAndForward: boolean;
  grantSendOnBehalfTo: string[];
}

/** A FullAccess-style grant on a mailbox (Get-MailboxPermission). */
export interface MailboxPermissionInfo {
  identity: string;
  user: string;
  accessRights: string[];
  isInherited: boolean;
  deny: boolean;
}

/** A SendAs grant (Get-RecipientPermission). */
export interface RecipientPermissionInfo {
  identity: string;
  trustee: string;
  accessRights: string[];
  isInherited: boolean;
}

export interface ExchangeGateway {
  /** Every mailbox of the tenant (all pages). */
  listMailboxes(): Promise<MailboxInfo[]>;
  /**
   * Every mailbox, one page at a time, sorted by name (`Get-Mailbox -SortBy Name`): the same order on
   * every call, so a position in it means the same mailboxes after a restart, and no caller holds them all.
   */
  mailboxPages(): AsyncIterable<MailboxInfo[]>;
  /** Explicit (non-inherited) permissions on one mailbox, excluding the owner's own. */
  mailboxPermissions(identity: string): Promise<MailboxPermissionInfo[]>;
  /** SendAs grants, of one mailbox or (no identity) of the whole tenant. */
  recipientPermissions(identity?: string): Promise<RecipientPermissionInfo[]>;
  /** Turns mailbox auditing on or off (the digest's remediation). */
  setAuditEnabled(identity: string, enabled: boolean): Promise<void>;
}
