import type { ApproverResolver } from '../approvals/approverResolver';
import { requesterOf } from '../access/requester';
import type { Clock } from '../clock';
import type { DirectoryGateway } from '../ports/directory';
import type { SentMessage } from '../ports/notifier';
import type { PimGateway } from '../ports/pim';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowItem, WorkflowStore } from '../ports/workflowStore';
import { cancelTimersEffect } from '../workflow/coreEffects';
import { createdLeased, mutateItem } from '../workflow/mutate';
import type { OutboxRunner } from '../workflow/outbox';
import { activationItemId, newActivationItem } from './activationItem';
import { activationStatus, type ActivationStatusView } from './activationStatus';
import { ActivationPendingError, NotYourActivationError } from './errors';
import { requesterStatusEffects } from './graphOutcome';
import { PIM_ACTIVATION, type PimActivationData } from './model';
import { PimRoles } from './pimRoles';
import { resumeHeld } from './resumeHeld';
import { type ActivationInput, validateActivation } from './validateActivation';

export interface ActivationServiceDeps {
  pim: PimGateway;
  directory: DirectoryGateway;
  resolver: ApproverResolver;
  workflows: WorkflowStore;
  outbox: Pick<OutboxRunner, 'runItem' | 'leaseRequest'>;
  clock: Clock;
}

/** What the activation card submits. */
export interface ActivateInput extends ActivationInput {
  roleId: string;
  idempotencyKey: string;
  requestType?: PimActivationData['requestType'];
  sourceMessage?: SentMessage;
  source?: Record<string, string>;
}

type Item = WorkflowItem<PimActivationData>;
const OPEN = ['submitted', 'pendingApproval', 'delivering'];

/**
 * Role activations: submit (validated against the role's policy, persisted, then sent to Graph as the
 * user), the MFA step-up round trip, early deactivation, and the requester's view of an activation.
 */
export class ActivationService {
  readonly roles: PimRoles;

  constructor(private readonly deps: ActivationServiceDeps) {
    this.roles = new PimRoles(deps);
  }

  /** Activates once per idempotency key and answers with Graph's outcome (active, pending, held, refused). */
  async activate(who: DelegatedIdentity, input: ActivateInput): Promise<ActivationStatusView> {
    const { workflows, clock } = this.deps;
    const known = await workflows.get<PimActivationData>(activationItemId(who.userId, input.idempotencyKey));
    if (known) return activationStatus(known, clock.now());
    const open = (await this.open(who.userId)).find(
      (i) => i.data.role.id === input.roleId && !this.isActive(i),
    );
    if (open)
      throw new ActivationPendingError(`Your activation of ${open.data.role.displayName} is still waiting.`);
    const form = await this.roles.form(who, input.roleId);
    const valid = validateActivation(form.policy, input, clock.now());
    const [requester, notify] = await Promise.all([
      requesterOf(this.deps.directory, who.userId),
      this.recipients(form.policy.notifyRecipients),
    ]);
    const lease = this.deps.outbox.leaseRequest();
    const { item } = await workflows.create(
      createdLeased(
        newActivationItem({
          userId: who.userId,
          idempotencyKey: input.idempotencyKey,
          requester,
          form,
          valid,
          requestType: input.requestType ?? 'activate',
          notify,
          sourceMessage: input.sourceMessage,
          source: input.source,
          now: clock.now(),
        }),
        lease,
      ),
    );
    // The turn holds the new item's lease: it sends the activation itself, never racing the poller.
    await this.deps.outbox.runItem(item, new Map([[who.userId, who.assertion]]), lease.owner);
    return this.status(who, item.id);
  }

  /**
   * The user signed in again with MFA (`who.assertion` is the step-up token): each held activation is
   * sent to Graph once more, with the claims it was asked for. The hold is lifted in the same write that
   * records the retry, so a second sign-in (or a double delivery) finds nothing to retry.
   */
  async resume(who: DelegatedIdentity): Promise<ActivationStatusView[]> {
    const held = (await this.open(who.userId)).filter((i) => i.state === 'submitted' && i.data.stepUp);
    return resumeHeld(this.deps, who, held);
  }

  /** Ends the user's activation of the role now (selfDeactivate, as the user). */
  async deactivate(who: DelegatedIdentity, roleId: string, directoryScopeId = '/'): Promise<void> {
    await this.deps.pim.deactivate(who, roleId, directoryScopeId);
    const now = this.deps.clock.now();
    for (const i of await this.open(who.userId, ['delivered'])) {
      if (i.data.role.id !== roleId || !this.isActive(i)) continue;
      await mutateItem<PimActivationData>(
        this.deps.workflows,
        i.id,
        () => now,
        (fresh) =>
          fresh.data.deactivatedAt
            ? undefined
            : {
                data: { ...fresh.data, deactivatedAt: now.toISOString() },
                effects: [
                  cancelTimersEffect('cancel-ending', `pim:${fresh.id}:ending`, now),
                  ...requesterStatusEffects(fresh, 'deactivated', now),
                ],
              },
      );
    }
  }

  /** One activation as its requester sees it. */
  async status(who: DelegatedIdentity, itemId: string): Promise<ActivationStatusView> {
    const item = await this.deps.workflows.get<PimActivationData>(itemId);
    if (!item || item.data.requesterId !== who.userId)
      throw new NotYourActivationError('Not your activation');
    return activationStatus(item, this.deps.clock.now());
  }

  /** The activation a card is about, for Extend (same role and justification). */
  async item(who: DelegatedIdentity, itemId: string): Promise<Item> {
    const item = await this.deps.workflows.get<PimActivationData>(itemId);
    if (!item || item.data.requesterId !== who.userId)
      throw new NotYourActivationError('Not your activation');
    return item;
  }

  private async open(userId: string, states = OPEN): Promise<Item[]> {
    const items = await this.deps.workflows.find<PimActivationData>({
      kind: PIM_ACTIVATION,
      subject: userId,
      states,
      limit: 50,
    });
    return items.filter((i) => i.data.requesterId === userId);
  }

  private isActive(i: Item): boolean {
    const until = i.data.activeUntil;
    return (
      (i.state === 'delivered' || i.state === 'delivering') &&
      !i.data.deactivatedAt &&
      !!until &&
      new Date(until) > this.deps.clock.now()
    );
  }

  /** The policy's extra recipients are addresses; the bot reaches people by object id (Graph takes a UPN). */
  private async recipients(addresses: string[]): Promise<string[]> {
    const found = await Promise.all(
      addresses.map((a) =>
        this.deps.directory.getUser(a).then(
          (u) => u.id,
          () => undefined,
        ),
      ),
    );
    return [...new Set(found.filter((id): id is string => !!id))];
  }
}
