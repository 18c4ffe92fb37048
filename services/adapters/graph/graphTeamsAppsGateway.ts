import { ConflictError, NotFoundError } from '../../ports/graphErrors';
import type { InstallOutcome, TeamsAppsGateway } from '../../ports/teamsApps';
import type { GraphClientFactory } from './clientFactory';
import type { Json } from './json';
import { literal, seg, withQuery } from './odata';

/** Graph installs only apps published to the organization's catalog or the Teams Store. */
const INSTALLABLE = ['organization', 'store'];

/**
 * Installs the bot's own Teams app for users, app-only. The catalog id differs from the manifest id
 * (Graph keeps the manifest's as `externalId`) and needs AppCatalog.Read.All to look up, so it is
 * looked up once and kept; it survives app updates, and is forgotten when Graph no longer knows it.
 */
export class GraphTeamsAppsGateway implements TeamsAppsGateway {
  private catalogId?: Promise<string>;

  constructor(
    private readonly graph: GraphClientFactory,
    private readonly app: {
      /** The manifest `id` (TEAMS_APP_ID). */
      manifestId: string;
      /** Graph's base URL (no version), for the `@odata.bind` link. */
      baseUrl: string;
    },
  ) {}

  async installForUser(userId: string): Promise<InstallOutcome> {
    const teamsAppId = await this.lookup();
    const base = this.app.baseUrl.replace(/\/$/, '');
    try {
      await this.graph
        .app()
        .post('install the Teams app for a user', `/users/${seg(userId)}/teamwork/installedApps`, {
          'teamsApp@odata.bind': `${base}/v1.0/appCatalogs/teamsApps/${seg(teamsAppId)}`,
        });
      return 'installed';
    } catch (err) {
      if (err instanceof ConflictError) return 'alreadyInstalled';
      // The app may have been removed from the catalog and published anew, under a new id.
      if (err instanceof NotFoundError) this.catalogId = undefined;
      throw err;
    }
  }

  private lookup(): Promise<string> {
    this.catalogId ??= this.find().catch((err: unknown) => {
      this.catalogId = undefined;
      throw err;
    });
    return this.catalogId;
  }

  private async find(): Promise<string> {
    const { manifestId } = this.app;
    const path = withQuery('/appCatalogs/teamsApps', { $filter: `externalId eq ${literal(manifestId)}` });
    const apps = await this.graph.app().getAll<Json>('find the Teams app in the catalog', path);
    const rank = (a: Json) => INSTALLABLE.indexOf(String(a.distributionMethod ?? '').toLowerCase());
    const app = apps.filter((a) => rank(a) >= 0).sort((a, b) => rank(a) - rank(b))[0];
    if (!app?.id) {
      throw new NotFoundError(
        `Teams app ${manifestId} is not published to the organization's app catalog, so it cannot be installed for users`,
        'TeamsAppNotInCatalog',
      );
    }
    return String(app.id);
  }
}
