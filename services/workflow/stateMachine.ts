import { DomainError } from '../domainError';

/**
 * A typed transition table: the one place that says which event moves which state where. Cards and
 * timers send events; nothing sets a status directly, so an impossible move fails loudly here.
 */
export type TransitionTable<S extends string, E extends string> = Readonly<
  Record<S, Readonly<Partial<Record<E, S>>>>
>;

/** An event that the current state does not accept (e.g. approving a canceled request). */
export class InvalidTransitionError extends DomainError {
  readonly code = 'invalidTransition';
  constructor(
    readonly machine: string,
    readonly state: string,
    readonly event: string,
  ) {
    super(`${machine}: event '${event}' is not allowed in state '${state}'`);
  }
}

/** A named state machine over one transition table. */
export class StateMachine<S extends string, E extends string> {
  constructor(
    readonly name: string,
    private readonly table: TransitionTable<S, E>,
  ) {}

  /** The state the event leads to; throws InvalidTransitionError when the table has no such move. */
  apply(state: S, event: E): S {
    const next = this.table[state]?.[event];
    if (next === undefined) throw new InvalidTransitionError(this.name, state, event);
    return next;
  }

  /** True when the event is accepted in this state. */
  can(state: S, event: E): boolean {
    return this.table[state]?.[event] !== undefined;
  }

  /** True when no event leaves the state. */
  isFinal(state: S): boolean {
    return Object.keys(this.table[state] ?? {}).length === 0;
  }

  /** Narrows a stored string to a state of this machine. */
  isState(value: string): value is S {
    return Object.prototype.hasOwnProperty.call(this.table, value);
  }
}
