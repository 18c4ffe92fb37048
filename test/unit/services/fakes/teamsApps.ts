import type { InstallOutcome, TeamsAppsGateway } from '../../../../services/ports/teamsApps';

/** Records installs; `failWith` makes installs throw; `onInstall` plays Teams telling the bot. */
export class FakeTeamsApps implements TeamsAppsGateway {
  readonly calls: string[] = [];
  readonly installed = new Set<string>();
  failWith?: Error;
  onInstall?: (userId: string) => void;

  async installForUser(userId: string): Promise<InstallOutcome> {
    this.calls.push(userId);
    if (this.failWith) throw this.failWith;
    if (this.installed.has(userId)) return 'alreadyInstalled';
    this.installed.add(userId);
    this.onInstall?.(userId);
    return 'installed';
  }
}
