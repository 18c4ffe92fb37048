import type { DirectoryView } from '../../routing';

type Row = Record<string, unknown>;

/** One interactive Teams sign-in per user who has signed in, at their last sign-in time, newest first. */
export function signIns(directory: DirectoryView): Row[] {
  return directory
    .users()
    .filter((u) => u.lastSignInDateTime)
    .map((u) => ({
      id: `signin-${u.id}`,
      createdDateTime: u.lastSignInDateTime,
      userId: u.id,
      userDisplayName: u.displayName,
      userPrincipalName: u.userPrincipalName,
      appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      appDisplayName: 'Microsoft Teams',
      ipAddress: '203.0.113.10',
      clientAppUsed: 'Mobile Apps and Desktop clients',
      isInteractive: true,
      conditionalAccessStatus: 'success',
      riskLevelDuringSignIn: 'none',
      status: { errorCode: 0, failureReason: 'Other.', additionalDetails: null },
      location: { city: 'Seattle', state: 'Washington', countryOrRegion: 'US' },
      appliedConditionalAccessPolicies: [],
    }))
    .sort((a, b) => String(b.createdDateTime).localeCompare(String(a.createdDateTime)));
}
