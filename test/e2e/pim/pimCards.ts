import { cardOf, cardText } from '../../../emulator/teams/cards';
import type { Emulator } from '../../../emulator';
import type { TeamsChannel } from '../../../emulator/teams/channel';
import { tokenExchangeInvoke } from '../../../emulator/teams/activities';
import { appToken, rawCall } from '../../support/emulator';
import { actionData, invokeCard } from '../access/accessApp';

export const ROLE = {
  helpdesk: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  userAdmin: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  security: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  global: '62e90394-69f5-4237-9190-012177145e10',
} as const;

export { actionData, cardOf, cardText, invokeCard };

/** The user opens the role's activation card and submits it with `values`; answers the submit's card. */
export async function activate(
  channel: TeamsChannel,
  alias: string,
  roleId: string,
  values: Record<string, string>,
): Promise<Record<string, unknown>> {
  const form = invokeCard(await channel.invoke(alias, 'pim.open', { roleId }));
  const [data] = actionData(form, 'pim.activate');
  if (!data) throw new Error(`No pim.activate on ${cardText(form)}`);
  return invokeCard(await channel.invoke(alias, 'pim.activate', { ...data, ...values }));
}

/** Graph's view, app-only: the user's activated assignment schedules of a role, and its requests. */
export async function graphState(emulator: Emulator, userId: string, roleId: string) {
  const token = await appToken(emulator);
  const rm = '/v1.0/roleManagement/directory';
  const schedules = await rawCall(emulator, 'GET', `${rm}/roleAssignmentScheduleInstances`, { token });
  const requests = await rawCall(emulator, 'GET', `${rm}/roleAssignmentScheduleRequests`, { token });
  const mine = (x: { principalId: string; roleDefinitionId: string }) =>
    x.principalId === userId && x.roleDefinitionId === roleId;
  return {
    active: (
      schedules.body.value as { principalId: string; roleDefinitionId: string; endDateTime: string }[]
    ).filter(mine),
    requests: (
      requests.body.value as {
        principalId: string;
        roleDefinitionId: string;
        action: string;
        status: string;
        justification: string | null;
      }[]
    ).filter(mine),
  };
}

const OAUTH_CARD = 'application/vnd.microsoft.card.oauth';

/** The sign-in link of the next OAuth card the bot sends the user (after `since`). */
export async function nextSignInLink(channel: TeamsChannel, alias: string, since: number): Promise<string> {
  const sent = await channel.waitFor(
    (r) =>
      r.alias === alias &&
      (r.activity?.attachments as { contentType: string }[] | undefined)?.[0]?.contentType === OAUTH_CARD,
    5000,
    since,
  );
  const card = (sent.activity!.attachments as { content: { buttons: { value?: string }[] } }[])[0]!.content;
  const link = card.buttons[0]?.value;
  if (!link) throw new Error('The sign-in card has no link');
  return link;
}

/** Teams, after the user signed in through an OAuth card's link: signin/verifyState with the magic code. */
export function verifyState(channel: TeamsChannel, alias: string, code: string) {
  const base = tokenExchangeInvoke(channel.envelope, channel.user(alias), '', '');
  return channel.post({ ...base, name: 'signin/verifyState', value: { state: code } });
}
