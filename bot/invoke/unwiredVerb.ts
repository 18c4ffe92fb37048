import { z } from 'zod';
import { defineHandler, type VerbHandler } from './handler';
import { InvokeError } from './invokeError';

/** Answers verbs whose flow is not wired in this app (tests running some flows only) with an error card. */
export function unwiredVerb(): VerbHandler {
  return defineHandler(z.unknown(), async () => {
    throw new InvokeError(501, 'notAvailable', 'This action is not available in this deployment.');
  });
}
