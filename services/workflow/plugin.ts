import type { EffectHandler } from './effects';
import type { NotificationBuilder } from './notifyEffects';
import type { JobHandler } from './scheduler';

/**
 * What another kind of workflow item (PIM activations, …) adds to the one outbox and scheduler every
 * item shares: its effect handlers, notification builders and timers. One runner serves every kind, so
 * a poller never claims an item whose effects it cannot run.
 */
export interface WorkflowPlugin {
  effects?: Readonly<Record<string, EffectHandler>>;
  notifications?: Readonly<Record<string, NotificationBuilder>>;
  jobs?: Readonly<Record<string, JobHandler>>;
  /** Runs when the scheduler starts, on every replica (keeps a recurring job scheduled): idempotent. */
  onStart?: () => Promise<void>;
}
