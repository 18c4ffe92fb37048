import type { EmulatedUser } from '../../routing';
import type { ReviewSettings } from './model';
import { addDuration } from '../governance/time';

/**
 * Graph's sign-in based recommendation: Deny for a principal who never signed in or not within the
 * look-back window before `at`, else Approve; NoInfoAvailable when recommendations are off.
 */
export function recommend(
  user: EmulatedUser | undefined,
  settings: ReviewSettings,
  at: Date,
): 'Approve' | 'Deny' | 'NoInfoAvailable' {
  if (!settings.recommendationsEnabled) return 'NoInfoAvailable';
  if (!user?.lastSignInDateTime) return 'Deny';
  const windowStart = addDuration(at, `-${settings.recommendationLookBackDuration}`);
  return new Date(user.lastSignInDateTime) < windowStart ? 'Deny' : 'Approve';
}
