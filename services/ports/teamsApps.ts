/** What installing the app for a user came to. */
export type InstallOutcome = 'installed' | 'alreadyInstalled';

/**
 * The bot's own Teams app, installed for users app-only (Graph, TeamsAppInstallation.ReadWriteSelfForUser.All),
 * so the bot can write to people who never opened it: Teams then tells the bot about the new chat.
 */
export interface TeamsAppsGateway {
  /**
   * Installs the app in the user's personal scope. Throws NotFoundError when the app is not in the
   * organization's app catalog or the user does not exist, ForbiddenError when the permission is missing.
   */
  installForUser(userId: string): Promise<InstallOutcome>;
}
