import { GraphHttpError } from '../../routing';
import type { ActivationInput } from './rules';
import { durationMs } from '../governance/time';

/** The body of POST roleAssignmentScheduleRequests, loosely typed as it arrives. */
export interface RequestBody {
  action?: string;
  principalId?: string;
  roleDefinitionId?: string;
  directoryScopeId?: string;
  justification?: string | null;
  isValidationOnly?: boolean;
  ticketInfo?: { ticketNumber?: string | null; ticketSystem?: string | null };
  scheduleInfo?: {
    startDateTime?: string;
    expiration?: { type?: string; duration?: string | null; endDateTime?: string | null };
  };
}

/** Reads when the activation starts and how long it lasts (expiration type is case-insensitive). */
export function readActivation(body: RequestBody, now: Date): ActivationInput {
  const askedStart = body.scheduleInfo?.startDateTime ? new Date(body.scheduleInfo.startDateTime) : now;
  if (Number.isNaN(askedStart.getTime()))
    throw new GraphHttpError(400, 'BadRequest', 'scheduleInfo.startDateTime is not a valid date.');
  const start = askedStart < now ? now : askedStart;
  const exp = body.scheduleInfo?.expiration;
  const type = (exp?.type ?? 'afterDuration').toLowerCase();
  let lengthMs: number | undefined;
  if (type === 'afterduration' && exp?.duration) lengthMs = durationMs(exp.duration);
  else if (type === 'afterdatetime' && exp?.endDateTime)
    lengthMs = new Date(exp.endDateTime).getTime() - start.getTime();
  return {
    justification: body.justification ?? null,
    ticketNumber: body.ticketInfo?.ticketNumber ?? null,
    startDateTime: start,
    lengthMs,
  };
}
