import type { Activity } from 'botbuilder';
import { InvokeError } from './invoke/invokeError';

/** Who is acting: always the authenticated activity's sender, never anything a card sent. */
export interface Actor {
  /** Entra object id (activity.from.aadObjectId). */
  userId: string;
  tenantId: string;
  name: string;
}

/** The tenant of the activity: Teams puts it on the conversation and in channelData. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  return activity.conversation?.tenantId ?? fromChannel;
}

/** Reads the actor from the activity; throws InvokeError when Teams did not say who the user is. */
export function actorOf(activity: Partial<Activity>): Actor {
  const userId = activity.from?.aadObjectId;
  const tenantId = tenantOf(activity);
  if (!userId)
    throw new InvokeError(401, 'unknownUser', 'Teams did not tell me who you are, so I cannot act for you.');
  if (!tenantId)
    throw new InvokeError(401, 'unknownTenant', 'Teams did not tell me which organisation you are in.');
  return { userId, tenantId, name: activity.from?.name ?? '' };
}
