import type { MailboxInfo, MailboxPermissionInfo, RecipientPermissionInfo } from '../ports/exchange';
import type { InboxRuleInfo } from '../ports/securityReports';
import type { DigestFinding } from './model';

/** True when the address is outside every verified domain (subdomains of a verified domain are inside). */
export function isExternal(address: string, verifiedDomains: readonly string[]): boolean {
  const at = address.lastIndexOf('@');
  if (at < 0) return false; // an Exchange recipient name, not an SMTP address: inside the tenant
  const domain = address.slice(at + 1).toLowerCase();
  return !verifiedDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

const who = (m: MailboxInfo) => m.userPrincipalName ?? m.primarySmtpAddress;
const name = (m: MailboxInfo) => (m.displayName ? `${m.displayName} (${who(m)})` : who(m));

const RULE_ACTIONS = [
  ['forwardTo', 'forward', 'forwards to'],
  ['redirectTo', 'redirect', 'redirects to'],
  ['forwardAsAttachmentTo', 'forward as attachment', 'forwards as attachment to'],
] as const;

/**
 * Inbox rules that send mail outside: one finding per rule and action. Enabled rules are flagged;
 * disabled ones are listed apart (they come back on with one click); rules that stay inside are left out.
 */
export function ruleFindings(mailbox: MailboxInfo, rules: InboxRuleInfo[], domains: readonly string[]) {
  const out: DigestFinding[] = [];
  for (const rule of rules) {
    for (const [field, action, verb] of RULE_ACTIONS) {
      const outside = rule[field].filter((a) => isExternal(a, domains));
      if (outside.length === 0) continue;
      out.push({
        key: `forwarding:${mailbox.userId ?? who(mailbox)}:${rule.id}:${field}`,
        section: 'forwarding',
        category: rule.isEnabled ? action : `${action} (disabled)`,
        flagged: rule.isEnabled,
        subject: name(mailbox),
        detail: `Rule "${rule.displayName}"${rule.isEnabled ? '' : ' (disabled)'} ${verb} ${outside.join(', ')}`,
        fields: {
          Mailbox: who(mailbox),
          'Display name': mailbox.displayName,
          Rule: rule.displayName,
          Enabled: rule.isEnabled ? 'yes' : 'no',
          Action: action,
          'External recipients': outside.join('; '),
        },
      });
    }
  }
  return out;
}

/** Mailbox-level forwarding (ForwardingSmtpAddress) to an address outside the verified domains. */
export function smtpFinding(m: MailboxInfo, domains: readonly string[]): DigestFinding | undefined {
  const to = m.forwardingSmtpAddress;
  if (!to || !isExternal(to, domains)) return undefined;
  const keeps = m.deliverToMailboxAndForward ? 'keeps a copy' : 'keeps no copy';
  return {
    key: `smtp:${m.userId ?? who(m)}:${to.toLowerCase()}`,
    section: 'smtp',
    category: 'smtp forwarding',
    flagged: true,
    subject: name(m),
    detail: `Forwards all mail to ${to} (${keeps})`,
    fields: {
      Mailbox: who(m),
      'Display name': m.displayName,
      'Forwarding address': to,
      'Keeps a copy': m.deliverToMailboxAndForward ? 'yes' : 'no',
    },
  };
}

/** Mailbox auditing turned off. */
export function auditingFinding(m: MailboxInfo): DigestFinding | undefined {
  if (m.auditEnabled) return undefined;
  return {
    key: `auditing:${m.userId ?? who(m)}`,
    section: 'auditing',
    category: 'auditing off',
    flagged: true,
    subject: name(m),
    detail: 'Mailbox auditing is off',
    target: m.identity,
    fields: { Mailbox: who(m), 'Display name': m.displayName, 'Mailbox type': m.recipientTypeDetails },
  };
}

/** FullAccess, SendAs and SendOnBehalf grants on one mailbox, one finding per delegate and right. */
export function delegateFindings(
  m: MailboxInfo,
  fullAccess: MailboxPermissionInfo[],
  sendAs: RecipientPermissionInfo[],
): DigestFinding[] {
  const grants: [string, string][] = [
    ...fullAccess
      .filter((p) => !p.deny && p.accessRights.includes('FullAccess'))
      .map((p) => [p.user, 'FullAccess'] as [string, string]),
    ...sendAs
      .filter((p) => p.accessRights.includes('SendAs'))
      .map((p) => [p.trustee, 'SendAs'] as [string, string]),
    ...m.grantSendOnBehalfTo.map((d) => [d, 'SendOnBehalf'] as [string, string]),
  ];
  return grants.map(([delegate, right]) => ({
    key: `delegates:${m.userId ?? who(m)}:${delegate.toLowerCase()}:${right}`,
    section: 'delegates',
    category: right,
    flagged: true,
    subject: delegate,
    detail: `${right} on ${name(m)}`,
    fields: { Mailbox: who(m), 'Display name': m.displayName, Delegate: delegate, Right: right },
  }));
}
