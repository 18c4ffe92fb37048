import { ExchangeError, objectNotFound } from './errors';
import type { ExchangeMailboxes } from './mailboxes';

type Row = Record<string, unknown>;
/** `CmdletInput.Parameters`, as the REST endpoint receives them. */
export type CmdletParameters = Record<string, unknown>;

/** Runs one supported cmdlet against the mailboxes; unknown cmdlets fail as PowerShell does. */
export function runCmdlet(mailboxes: ExchangeMailboxes, name: string, params: CmdletParameters): Row[] {
  const identity = (key = 'Identity') => {
    const raw = params[key];
    if (typeof raw !== 'string' || !raw) {
      throw new ExchangeError(
        400,
        'System.Management.Automation.ParameterBindingException',
        `A parameter cannot be found that matches parameter name '${key}'.`,
      );
    }
    const user = mailboxes.resolve(raw);
    if (!user) throw objectNotFound(raw);
    return user;
  };
  const all = (key: string) => (params[key] === undefined ? mailboxes.owners() : [identity(key)]);
  switch (name.toLowerCase()) {
    case 'get-mailbox': {
      const owners = all('Identity');
      // -SortBy Name: ascending by the mailbox's name (the alias here), so pages keep one order.
      if (String(params.SortBy ?? '').toLowerCase() === 'name')
        owners.sort((a, b) => (a.alias.toLowerCase() < b.alias.toLowerCase() ? -1 : 1));
      const rows = owners.map((u) => mailboxes.mailbox(u));
      const size = params.ResultSize;
      return typeof size === 'number' || /^\d+$/.test(String(size ?? ''))
        ? rows.slice(0, Number(size))
        : rows;
    }
    case 'get-mailboxpermission':
      return mailboxes.mailboxPermissions(identity());
    case 'get-recipientpermission':
      return all('Identity').flatMap((u) => mailboxes.recipientPermissions(u));
    case 'get-inboxrule':
      return mailboxes.inboxRules(identity('Mailbox'));
    case 'set-mailbox': {
      const user = identity();
      if (params.AuditEnabled !== undefined) {
        const enabled =
          params.AuditEnabled === true ||
          String(params.AuditEnabled).toLowerCase().replace('$', '') === 'true';
        mailboxes.setAuditEnabled(user, enabled);
      }
      return [];
    }
    default:
      throw new ExchangeError(
        400,
        'System.Management.Automation.CommandNotFoundException',
        `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program.`,
      );
  }
}
