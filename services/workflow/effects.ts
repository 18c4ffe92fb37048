import type { AuditEvent } from '../ports/auditLog';
import type { OutboxEntry, WorkflowItem } from '../ports/workflowStore';
import { GatewayError, isRetryable } from '../ports/graphErrors';
import { NotReachableError } from '../ports/notifier';
import type { ItemPatch } from './mutate';

/** What an effect handler sees: the item as it was when the effect was claimed. */
export interface EffectContext<TData = Record<string, unknown>> {
  item: WorkflowItem<TData>;
  entry: OutboxEntry;
  now: Date;
  /** SSO assertions handed over by the turn that caused the effect (userId → token); never persisted. */
  assertions: ReadonlyMap<string, string>;
  /** Records an audit event; the runner appends the batch's events together, before marking it done. */
  audit(event: AuditEvent): void;
}

/**
 * Applied to the freshest copy of the item together with marking the effect done, so the result of a
 * side effect (a Graph request id, a sent message) is recorded atomically with "done".
 */
export type Followup<TData> = (fresh: WorkflowItem<TData>) => ItemPatch<TData> | undefined;

/** Carries out one type of side effect. It must be safe to run twice with the same entry id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one registry holds handlers of every item data type
export interface EffectHandler<TData = any> {
  run(ctx: EffectContext<TData>): Promise<Followup<TData> | void>;
  /**
   * Where in its batch it runs (stable otherwise): `first` for store-only effects (audit, timers),
   * `last` for new messages, whose ids are recorded by the write that follows the batch.
   */
  runs?: 'first' | 'between' | 'last';
  /** Other entries read this one's payload after it ran (a cancel's prefix), so done keeps it. */
  keepsPayload?: boolean;
  /** Called once when the effect fails for good; its patch records the failure on the item. */
  onFailed?(ctx: EffectContext<TData>, error: unknown): Followup<TData> | void;
}

/** Thrown by a handler when retrying cannot help (bad data, refused for good). */
export class PermanentEffectError extends Error {
  readonly code = 'permanentEffectFailure';
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'PermanentEffectError';
  }
}

/**
 * Thrown by a handler that made progress and needs another attempt later (bounded by the outbox's
 * attempts). `note` is merged into the entry's payload, so the next attempt knows what was done.
 */
export class RetryEffectError extends Error {
  readonly code = 'retryEffect';
  constructor(
    message: string,
    readonly note: Record<string, unknown> = {},
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'RetryEffectError';
  }
}

/** Graph's refusals and unreachable users will not change by retrying; outages and throttling will. */
export function isPermanentFailure(err: unknown): boolean {
  if (err instanceof PermanentEffectError || err instanceof NotReachableError) return true;
  return err instanceof GatewayError && !isRetryable(err) && err.code !== 'signInRequired';
}

/** How long Graph asked us to wait, when it did. */
export function retryAfterMs(err: unknown): number | undefined {
  const ms = (err as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return typeof ms === 'number' && ms > 0 ? ms : undefined;
}
