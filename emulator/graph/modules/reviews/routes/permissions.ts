import type { Permissions } from '../../../routing';

const READ = ['AccessReview.Read.All', 'AccessReview.ReadWrite.All'];

/** Access review permissions; recording decisions is delegated only. */
export const AR_PERMS = {
  read: { delegated: READ, application: READ } satisfies Permissions,
  write: {
    delegated: ['AccessReview.ReadWrite.All'],
    application: ['AccessReview.ReadWrite.All'],
  } satisfies Permissions,
  decide: { delegated: ['AccessReview.ReadWrite.All'] } satisfies Permissions,
};

export const AR_ROOT = '/identityGovernance/accessReviews/definitions';
