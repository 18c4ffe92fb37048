import type { ConversationService } from '../services/conversations/conversationService';
import type { Notifier } from '../services/ports/notifier';
import type { UserTokenSource } from '../services/ports/userTokens';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../services/logger';
import type { MessageTable } from './commands';
import type { VerbModule } from './invoke/handler';
import type { NotificationRenderers } from './notificationRenderers';
import type { ReadinessCheck } from './readiness';

/** A loop that runs beside the bot (scheduler, outbox worker); stopped on shutdown before the store closes. */
export interface BackgroundTask {
  name: string;
  start(): void;
  /** Resolves when the current iteration has finished and no new one will start. */
  stop(): Promise<void>;
}

/** What the bot layer offers the flows it hosts. */
export interface BotPorts {
  notifier: Notifier;
  userTokens: UserTokenSource;
  conversations: ConversationService;
  /** Where browsers reach this bot's HTTP server (config.publicUrl, else the address it listens on). */
  publicUrl(): string;
}

/** A plain HTTP answer of a flow's route. */
export interface HttpAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** A GET route a flow serves beside /api/messages (e.g. the digest's CSV downloads); restify syntax. */
export interface HttpRoute {
  path: string;
  handle(req: { params: Record<string, string>; query: URLSearchParams }): Promise<HttpAnswer>;
}

/** One feature (access requests, approvals, PIM, …) as the bot sees it: its verbs, commands and cards. */
export interface Flow {
  verbs?: VerbModule;
  messages?: MessageTable;
  renderers?: NotificationRenderers;
  background?: BackgroundTask[];
  readiness?: ReadinessCheck[];
  /**
   * Teams' `signin/verifyState` carries the magic code of an OAuth card's sign-in: a flow with a
   * connection of its own (PIM's MFA step-up) redeems it and goes on; true when the code was its own.
   */
  onSignIn?: (context: TurnContext, code: string, log: Logger) => Promise<boolean>;
  routes?: HttpRoute[];
}

/** Builds a flow once the bot's ports exist, so flows can notify users and act as them. */
export type FlowFactory = (ports: BotPorts) => Flow;
