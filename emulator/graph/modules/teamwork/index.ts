import type { TenantDirectory } from '../../../tenant/directory';
import { accessDenied } from '../../auth';
import { odataCollection, odataEntity, readExpand } from '../../odata';
import { GraphHttpError, type GraphModule, type GraphRequest, type RouteDef } from '../../routing';
import { notFound } from '../directory/users';
import { INSTALL_FOR_USER, READ_CATALOG, READ_USER_APPS, selfOnly } from './permissions';
import { appView, definitionView, installationRow } from './shapes';
import type { CatalogApp, TeamsAppCatalog } from './teamsAppCatalog';

const BOTH: RouteDef['versions'] = ['v1.0', 'beta'];
type Row = Record<string, unknown>;

/** `$expand` limited to `allowed`; anything else is refused as Graph refuses an unknown property. */
function expansions(req: GraphRequest, allowed: string[], type: string): Set<string> {
  const asked = readExpand(req);
  const unknown = asked.find((e) => !allowed.includes(e));
  if (unknown) {
    throw new GraphHttpError(
      400,
      'BadRequest',
      `Could not find a property named '${unknown}' on type '${type}'.`,
    );
  }
  return new Set(asked);
}

/** The catalog id in `teamsApp@odata.bind` (`…/appCatalogs/teamsApps/{id}`). */
function boundAppId(body: unknown): string {
  const bind = (body as Row | undefined)?.['teamsApp@odata.bind'];
  const id = typeof bind === 'string' ? /\/appCatalogs\/teamsApps\/([^/?#]+)$/i.exec(bind)?.[1] : undefined;
  if (!id)
    throw new GraphHttpError(
      400,
      'BadRequest',
      "Invalid request: 'teamsApp@odata.bind' is missing or malformed.",
    );
  return decodeURIComponent(id);
}

/**
 * Teams apps: the tenant's app catalog (`/appCatalogs/teamsApps`) and apps in users' personal scope
 * (`/users/{id}/teamwork/installedApps`). Installing tells the catalog's listeners (Teams would now send
 * the bot conversationUpdate and installationUpdate); it never messages a bot by itself.
 */
export function teamworkModule(catalog: TeamsAppCatalog, dir: TenantDirectory): GraphModule {
  const user = (req: GraphRequest) => {
    const u = dir.userByIdOrUpn(req.params.id!);
    if (!u) throw notFound(req.params.id!);
    return u;
  };
  /** "Self" permissions reach only the caller's own app. */
  const mayTouch = (req: GraphRequest, perms: typeof READ_USER_APPS, app: CatalogApp) =>
    !selfOnly(perms, req.caller) || app.azureADAppId.toLowerCase() === req.caller.appId.toLowerCase();

  return {
    name: 'teamwork',
    routes: () => [
      {
        method: 'GET',
        path: '/appCatalogs/teamsApps',
        versions: BOTH,
        permissions: READ_CATALOG,
        handler: (req) => {
          const expand = expansions(req, ['appDefinitions'], 'microsoft.graph.teamsApp');
          return odataCollection(req, catalog.apps().map(appView), {
            context: 'appCatalogs/teamsApps',
            expand: (row) =>
              expand.has('appDefinitions')
                ? { appDefinitions: [definitionView(catalog.appById(String(row.id))!)] }
                : {},
          });
        },
      },
      {
        method: 'GET',
        path: '/appCatalogs/teamsApps/:appId',
        versions: BOTH,
        permissions: READ_CATALOG,
        handler: (req) => {
          const app = catalog.appById(req.params.appId!);
          if (!app) throw new GraphHttpError(404, 'NotFound', `App '${req.params.appId}' was not found.`);
          return odataEntity(req, appView(app), 'appCatalogs/teamsApps');
        },
      },
      {
        method: 'GET',
        path: '/users/:id/teamwork/installedApps',
        versions: BOTH,
        permissions: READ_USER_APPS,
        handler: (req) => {
          const expand = expansions(
            req,
            ['teamsApp', 'teamsAppDefinition'],
            'microsoft.graph.userScopeTeamsAppInstallation',
          );
          const rows = catalog
            .installedFor(user(req).id)
            .filter((i) => mayTouch(req, READ_USER_APPS, i.app))
            .map(installationRow);
          // Rows carry the navigations for $filter (teamsApp/externalId); only expanded ones are returned.
          return odataCollection(req, rows, {
            context: `users('${req.params.id}')/teamwork/installedApps`,
            defaultSelect: ['id'],
            expand: (row) => Object.fromEntries([...expand].map((e) => [e, row[e]])),
          });
        },
      },
      {
        method: 'POST',
        path: '/users/:id/teamwork/installedApps',
        versions: BOTH,
        permissions: INSTALL_FOR_USER,
        handler: (req) => {
          const u = user(req);
          const appId = boundAppId(req.body);
          const app = catalog.appById(appId);
          if (!app)
            throw new GraphHttpError(404, 'NotFound', `App '${appId}' was not found in the app catalog.`);
          if (app.distributionMethod === 'sideloaded') {
            throw new GraphHttpError(
              400,
              'BadRequest',
              'Only apps published to the app catalog or the store can be installed.',
            );
          }
          if (!mayTouch(req, INSTALL_FOR_USER, app)) throw accessDenied();
          if (!catalog.install(u.id, app)) {
            throw new GraphHttpError(
              409,
              'Conflict',
              `App '${app.id}' is already installed for user '${u.id}'.`,
            );
          }
          return { status: 201 };
        },
      },
    ],
  };
}
