import { renderErrorCard } from '../cards/error';
import type { AdaptiveCard } from '../cards/render';
import { DomainError } from '../services/domainError';
import { InvokeError } from './invoke/invokeError';

const TITLES: Record<number, string> = {
  400: "That didn't work",
  401: "I couldn't tell who you are",
  403: "You can't do that",
  404: 'Not found',
  409: 'Already done',
};

/** An error from services written for the person who acted (see DomainError), e.g. 'alreadyDecided'. */
export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}

/** True for errors whose message is meant for the user; anything else is a bug and goes to onTurnError. */
export function isUserFacingError(err: unknown): err is Error & { code: string } {
  return err instanceof InvokeError || isDomainError(err);
}

/** The card for an error: its own message when it is user-facing, a generic one otherwise. */
export function errorCardFor(err: unknown, reference?: string): AdaptiveCard {
  if (err instanceof InvokeError) {
    return renderErrorCard({
      title: TITLES[err.status] ?? TITLES[400]!,
      message: err.message,
      code: err.code,
      reference,
    });
  }
  if (isDomainError(err)) {
    return renderErrorCard({ title: TITLES[400]!, message: err.message, code: err.code, reference });
  }
  return renderErrorCard({
    title: 'Something went wrong on my side',
    message: 'Nothing was changed. Please try again in a moment; if it keeps failing, tell your IT team.',
    code: 'internal',
    reference,
  });
}
