import type { TenantFixture } from '../../routing';

/** An app of the tenant's Teams app catalog, as `/appCatalogs/teamsApps` shows it (plus its owner). */
export interface CatalogApp {
  /** Graph's catalog id (not the manifest's). */
  id: string;
  /** The manifest `id`. */
  externalId: string;
  displayName: string;
  distributionMethod: 'organization' | 'store' | 'sideloaded';
  version: string;
  /** The Entra app of the manifest's webApplicationInfo: the app that may install "itself". */
  azureADAppId: string;
}

/** One app installed in one user's personal scope. */
export interface UserInstallation {
  /** Graph's installation id: base64 of `{userId}##{teamsAppId}`, as real ids decode. */
  id: string;
  userId: string;
  app: CatalogApp;
}

/** Told when an app was installed for a user, after Graph answered: Teams would now message the bot. */
export type InstallListener = (installed: UserInstallation) => void;

type FixtureApp = Omit<CatalogApp, 'azureADAppId' | 'version'> & { azureADAppId?: string; version?: string };

/**
 * Gatekeeper itself, published to the organization's catalog, when the fixture names no apps: the demo
 * tenant fixture is shared data about the tenant, and which app the emulator plays is the emulator's.
 */
export const GATEKEEPER_APP: FixtureApp = {
  id: '3f6b1e2a-8c4d-4b7e-9a15-6d2c0e8f4a91',
  externalId: '9d4c5a1e-2b7f-4e3a-8c6d-1f0e2a3b4c5d',
  displayName: 'Gatekeeper',
  distributionMethod: 'organization',
  version: '0.1.0',
};

/**
 * The tenant's Teams app catalog (fixture `teamsApps`, else Gatekeeper alone) and the apps installed for each user. A fixture
 * app without `azureADAppId` belongs to the Gatekeeper registration the emulator plays (`ownClientId`).
 * Listeners hear of installs, so a test harness can play Teams and post the install events to the bot.
 */
export class TeamsAppCatalog {
  private readonly catalog: CatalogApp[];
  private readonly installs = new Map<string, UserInstallation[]>();
  private readonly listeners = new Set<InstallListener>();

  constructor(fixture: TenantFixture, ownClientId: string) {
    this.catalog = ((fixture as { teamsApps?: FixtureApp[] }).teamsApps ?? [GATEKEEPER_APP]).map((a) => ({
      version: '1.0.0',
      ...a,
      azureADAppId: a.azureADAppId ?? ownClientId,
    }));
  }

  apps(): CatalogApp[] {
    return [...this.catalog];
  }

  appById(id: string): CatalogApp | undefined {
    return this.catalog.find((a) => a.id.toLowerCase() === id.toLowerCase());
  }

  /** The apps installed for the user, oldest first. */
  installedFor(userId: string): UserInstallation[] {
    return [...(this.installs.get(userId.toLowerCase()) ?? [])];
  }

  /** Installs the app for the user; undefined when it was installed already. Listeners hear of it next tick. */
  install(userId: string, app: CatalogApp): UserInstallation | undefined {
    const key = userId.toLowerCase();
    const list = this.installs.get(key) ?? [];
    if (list.some((i) => i.app.id === app.id)) return undefined;
    const installed = { id: Buffer.from(`${userId}##${app.id}`).toString('base64'), userId, app };
    this.installs.set(key, [...list, installed]);
    // After the HTTP answer, as Teams messages the bot after Graph's 201.
    setImmediate(() => {
      for (const listener of this.listeners) listener(installed);
    });
    return installed;
  }

  /** Calls `listener` for every install from now on; returns the function that stops it. */
  onInstalled(listener: InstallListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
