import type { AuditLog } from '../ports/auditLog';
import type { NotReachableError } from '../ports/notifier';
import type { InstallOutcome, TeamsAppsGateway } from '../ports/teamsApps';
import type { OutboxEntry } from '../ports/workflowStore';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { isPermanentFailure, PermanentEffectError, RetryEffectError } from './effects';
import { errorLine } from './outboxEntries';

/** Payload key that records, on the effect, that the app was installed for its user. */
export const APP_INSTALL_NOTE = 'appInstall';

/** What recovering from an unreachable user needs. */
export interface ReachByInstallDeps {
  teamsApps: TeamsAppsGateway;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
}

/** The effect being run: its item and outbox entry. */
type Ctx = { item: { id: string }; entry: OutboxEntry };

/**
 * Turns "the app is not installed for this user" into an install and another attempt: Teams then sends
 * the bot the install events, the bot saves the conversation, and the retried send finds it. Installs
 * once per effect; after that the effect only waits, within the outbox's attempts. When installing is
 * refused for good (app not in the catalog, permission missing), the effect fails for good.
 */
export class ReachByInstall {
  constructor(private readonly deps: ReachByInstallDeps) {}

  /** The error the effect should fail with, after installing the app when that can help. */
  async recover(ctx: Ctx, unreachable: NotReachableError): Promise<unknown> {
    const { teamsApps, logger } = this.deps;
    const { userId } = unreachable;
    const earlier = ctx.entry.payload[APP_INSTALL_NOTE];
    if (earlier) {
      return new RetryEffectError(
        `${userId} is not reachable yet: the app was installed for them (${String(earlier)}), Teams has not confirmed it`,
        {},
        unreachable,
      );
    }
    const log = logger.child({ userId, itemId: ctx.item.id, effect: ctx.entry.id });
    let outcome: InstallOutcome;
    try {
      outcome = await teamsApps.installForUser(userId);
    } catch (err) {
      // An outage or throttling: the next attempt installs again.
      if (!isPermanentFailure(err)) return err;
      log.error(
        { err },
        'could not install the Teams app for a user: they get no cards until they open the bot',
      );
      await this.record(
        ctx,
        userId,
        'teamsApp.installFailed',
        `Could not install the app for ${userId}: ${errorLine(err)}`,
      );
      return new PermanentEffectError(
        `${userId} is not reachable: the app is not installed for them, and installing it failed: ${errorLine(err)}`,
        err,
      );
    }
    if (outcome === 'alreadyInstalled') {
      // Teams sends install events for a new install only; a concurrent install's may still come.
      log.warn('the Teams app is installed for the user but the bot has no chat with them yet');
    } else log.info('installed the Teams app for a user the bot could not reach');
    await this.record(
      ctx,
      userId,
      'teamsApp.installed',
      `Installed the app for ${userId} (${outcome})`,
      outcome,
    );
    return new RetryEffectError(
      `Installed the app for ${userId} (${outcome}); retrying once Teams confirms it`,
      { [APP_INSTALL_NOTE]: outcome },
      unreachable,
    );
  }

  private record(ctx: Ctx, userId: string, type: string, summary: string, outcome?: string) {
    return this.deps.audit.append({
      id: `${type}:${ctx.item.id}:${ctx.entry.id}`,
      at: this.deps.clock.now(),
      type,
      itemId: ctx.item.id,
      summary,
      details: { userId, effectId: ctx.entry.id, ...(outcome ? { outcome } : {}) },
    });
  }
}
