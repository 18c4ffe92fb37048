import { TestAdapter, TurnContext, type Activity } from 'botbuilder';

export const ADELE = {
  aadObjectId: '9f8ed65b-ef95-54fa-a932-9b5d7b93769b',
  name: 'Adele Vance',
  id: '29:1adele',
};
export const TENANT = '82af6c37-3451-5e51-94ea-7d0d633a16c5';

/** An Action.Execute invoke as Teams sends it, from the given user. */
export function invokeAction(
  verb: string,
  data: unknown,
  asUser: Partial<typeof ADELE> = ADELE,
): Partial<Activity> {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: 'f:invoke-1',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1/',
    from: { id: asUser.id ?? '29:1x', name: asUser.name ?? '', aadObjectId: asUser.aadObjectId },
    recipient: { id: '28:bot', name: 'Gatekeeper' },
    conversation: {
      id: 'a:1adele',
      conversationType: 'personal',
      tenantId: TENANT,
      isGroup: false,
      name: '',
    },
    channelData: { tenant: { id: TENANT } },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** A turn context over botbuilder's TestAdapter, for code that only reads the activity. */
export function turnFor(activity: Partial<Activity>): TurnContext {
  return new TurnContext(new TestAdapter(), activity);
}
