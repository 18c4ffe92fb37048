import type { TenantDirectory } from '../../../tenant/directory';
import { coreFixture } from '../../../tenant/fixture';
import { odataCollection, odataEntity } from '../../odata';
import {
  GraphHttpError,
  type EmulatedUser,
  type GraphModule,
  type GraphRequest,
  type Permissions,
} from '../../routing';
import { mailboxSettings, rulesOf } from './messageRules';

const READ: Permissions = {
  delegated: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
  application: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
};

/**
 * The mailbox of `/users/{id}`: delegated callers reach only their own (as without shared-mailbox
 * rights in Exchange); guests have no mailbox in this tenant.
 */
function mailboxOwner(dir: TenantDirectory, req: GraphRequest): EmulatedUser {
  const user = dir.userByIdOrUpn(req.params.id ?? req.caller.userId ?? '');
  if (!user)
    throw new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${req.params.id}' is invalid.`);
  if (req.caller.kind === 'user' && req.caller.userId !== user.id) {
    throw new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  }
  if (user.userType === 'Guest') {
    throw new GraphHttpError(
      404,
      'MailboxNotEnabledForRESTAPI',
      'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    );
  }
  return user;
}

/** Inbox rules (`messageRules`) and `mailboxSettings`, from the fixture's `mailboxes`. */
export function mailModule(dir: TenantDirectory): GraphModule {
  return {
    name: 'mail',
    routes(ctx) {
      const mailboxes = coreFixture(ctx.fixture).mailboxes;
      const rules = (req: GraphRequest) =>
        odataCollection(req, rulesOf(mailboxes, mailboxOwner(dir, req)), {
          context: `users('${req.params.id ?? 'me'}')/mailFolders('inbox')/messageRules`,
        });
      const settings = (req: GraphRequest) =>
        odataEntity(
          req,
          mailboxSettings(mailboxOwner(dir, req)),
          `users('${req.params.id ?? 'me'}')/mailboxSettings`,
        );
      const versions: ('v1.0' | 'beta')[] = ['v1.0', 'beta'];
      return [
        {
          method: 'GET',
          path: '/users/:id/mailFolders/inbox/messageRules',
          versions,
          permissions: READ,
          handler: rules,
        },
        {
          method: 'GET',
          path: '/me/mailFolders/inbox/messageRules',
          versions,
          permissions: { delegated: READ.delegated },
          handler: rules,
        },
        { method: 'GET', path: '/users/:id/mailboxSettings', versions, permissions: READ, handler: settings },
        {
          method: 'GET',
          path: '/me/mailboxSettings',
          versions,
          permissions: { delegated: READ.delegated },
          handler: settings,
        },
      ];
    },
  };
}
