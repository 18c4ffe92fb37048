import type { EmulatedGroup, EmulatedUser } from '../../routing';

type Row = Record<string, unknown>;

/** What Graph returns for a user without `$select`. */
export const USER_DEFAULT_SELECT = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

/** A user resource with every property the emulator knows (filtering sees all; `$select` trims). */
export function userResource(u: EmulatedUser, withSignIn: boolean): Row {
  const [givenName = null, ...rest] = u.displayName.split(' ');
  const row: Row = {
    id: u.id,
    businessPhones: [],
    displayName: u.displayName,
    givenName,
    surname: rest.join(' ') || null,
    jobTitle: u.jobTitle ?? null,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    userPrincipalName: u.userPrincipalName,
    department: u.department ?? null,
    userType: u.userType,
    accountEnabled: u.accountEnabled,
    mailNickname: u.alias,
    creationType: u.userType === 'Guest' ? 'Invitation' : null,
  };
  // signInActivity is only computed when asked for (and permitted), as in Graph.
  if (withSignIn) {
    row.signInActivity = {
      lastSignInDateTime: u.lastSignInDateTime ?? null,
      lastNonInteractiveSignInDateTime: u.lastSignInDateTime ?? null,
      lastSuccessfulSignInDateTime: u.lastSignInDateTime ?? null,
    };
  }
  return row;
}

/** A user as a member of a directory-object collection (`members`, `manager`). */
export function userAsDirectoryObject(u: EmulatedUser): Row {
  return { '@odata.type': '#microsoft.graph.user', ...userResource(u, false) };
}

/** A group resource; Teams-backed groups are Microsoft 365 groups with the Team provisioning option. */
export function groupResource(g: EmulatedGroup, domain: string): Row {
  return {
    id: g.id,
    displayName: g.displayName,
    description: null,
    mailNickname: g.mailNickname,
    mail: g.isTeam ? `${g.mailNickname}@${domain}` : null,
    mailEnabled: g.isTeam,
    securityEnabled: !g.isTeam,
    groupTypes: g.isTeam ? ['Unified'] : [],
    resourceProvisioningOptions: g.isTeam ? ['Team'] : [],
    visibility: g.isTeam ? 'Private' : null,
  };
}

/** A group as a directory object (`memberOf`). */
export function groupAsDirectoryObject(g: EmulatedGroup, domain: string): Row {
  return { '@odata.type': '#microsoft.graph.group', ...groupResource(g, domain) };
}
