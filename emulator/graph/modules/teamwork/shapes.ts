import type { CatalogApp, UserInstallation } from './teamsAppCatalog';

type Row = Record<string, unknown>;

/** A teamsApp as Graph shows it. */
export const appView = (a: CatalogApp): Row => ({
  id: a.id,
  externalId: a.externalId,
  displayName: a.displayName,
  distributionMethod: a.distributionMethod,
});

/** Its (only) teamsAppDefinition; ids shaped like Graph's (base64 of `{appId}##{version}`). */
export const definitionView = (a: CatalogApp): Row => ({
  id: Buffer.from(`${a.id}##${a.version}`).toString('base64'),
  teamsAppId: a.id,
  azureADAppId: a.azureADAppId,
  displayName: a.displayName,
  version: a.version,
  publishingState: 'published',
});

/** A userScopeTeamsAppInstallation with both navigations (returned only when expanded). */
export const installationRow = (i: UserInstallation): Row => ({
  id: i.id,
  teamsApp: appView(i.app),
  teamsAppDefinition: definitionView(i.app),
});
