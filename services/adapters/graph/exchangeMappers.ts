import type { MailboxInfo, MailboxPermissionInfo, RecipientPermissionInfo } from '../../ports/exchange';
import { str, type Json } from './json';

/** Cmdlet output may give a multi-valued field as an array or as one comma-separated string. */
export function values(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String).filter(Boolean);
  if (typeof v === 'string' && v)
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return [];
}

/** `smtp:a@b` (Exchange's proxy-address form) as a plain address. */
const address = (v: unknown): string | undefined => str(v)?.replace(/^smtp:/i, '');

export function toMailbox(m: Json): MailboxInfo {
  return {
    userId: str(m.ExternalDirectoryObjectId),
    identity: String(m.Identity ?? m.UserPrincipalName ?? m.PrimarySmtpAddress ?? ''),
    displayName: String(m.DisplayName ?? ''),
    primarySmtpAddress: String(m.PrimarySmtpAddress ?? ''),
    userPrincipalName: str(m.UserPrincipalName),
    recipientTypeDetails: String(m.RecipientTypeDetails ?? ''),
    auditEnabled: m.AuditEnabled === true,
    forwardingSmtpAddress: address(m.ForwardingSmtpAddress),
    forwardingAddress: str(m.ForwardingAddress),
    deliverToMailboxAndForward: m.DeliverToMailboxAndForward === true,
    grantSendOnBehalfTo: values(m.GrantSendOnBehalfTo),
  };
}

export function toMailboxPermission(p: Json): MailboxPermissionInfo {
  return {
    identity: String(p.Identity ?? ''),
    user: String(p.User ?? ''),
    accessRights: values(p.AccessRights),
    isInherited: p.IsInherited === true,
    deny: p.Deny === true,
  };
}

export function toRecipientPermission(p: Json): RecipientPermissionInfo {
  return {
    identity: String(p.Identity ?? ''),
    trustee: String(p.Trustee ?? ''),
    accessRights: values(p.AccessRights),
    isInherited: p.IsInherited === true,
  };
}
