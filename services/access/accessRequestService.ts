import type { ApproverResolver } from '../approvals/approverResolver';
import type { RequestState } from '../approvals/states';
import type { Clock } from '../clock';
import type { DirectoryGateway } from '../ports/directory';
import type { EntitlementGateway } from '../ports/entitlement';
import type { SentMessage } from '../ports/notifier';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowStore } from '../ports/workflowStore';
import type { WorkflowItem } from '../ports/workflowStore';
import { createdLeased, type LeaseRequest, mutateItem } from '../workflow/mutate';
import { cancelPatch } from './cancelPatch';
import { InvalidRequestError, NotYoursError, OpenRequestExistsError } from './errors';
import { ACCESS_REQUEST, type AccessRequestData } from './model';
import { graphRequestsOf, mergeMyRequests, type MyRequests } from './myRequests';
import { newRequestItem, requestItemId } from './newRequestItem';
import { buildRequestForm, type RequestForm } from './requestForm';
import { requestStatusView, type RequestStatusView } from './requestStatus';
import { requesterOf } from './requester';
import { type SubmissionInput, validateSubmission } from './validateSubmission';

/** Runs an item's effects now (the OutboxRunner), with the acting user's token. */
export interface EffectRunner {
  runItem<T>(
    item: string | WorkflowItem<T>,
    assertions?: ReadonlyMap<string, string>,
    owner?: string,
  ): Promise<number>;
  leaseRequest(): LeaseRequest;
}

export interface AccessRequestDeps {
  entitlement: EntitlementGateway;
  directory: DirectoryGateway;
  resolver: ApproverResolver;
  workflows: WorkflowStore;
  effects: EffectRunner;
  clock: Clock;
}

/** What the request card submits. */
export interface SubmitInput extends SubmissionInput {
  packageId: string;
  /** May be omitted when one policy applies. */
  policyId?: string;
  /** Set by the card when it was rendered: a double click or a second tab sends the same key. */
  idempotencyKey: string;
  /** The card clicked, updated in place as the request moves on. */
  sourceMessage?: SentMessage;
  source?: Record<string, string>;
}

const OPEN: RequestState[] = ['submitted', 'pendingApproval', 'delivering'];

/**
 * Access package requests: the request card's model, submit (persisted first, then sent to Graph as
 * the user by the outbox), cancel and the user's own requests. Extensions: see AccessExtensionService.
 */
export class AccessRequestService {
  constructor(private readonly deps: AccessRequestDeps) {}

  /** The request card's model for one package; NotRequestableError when no policy lets the user. */
  form(who: DelegatedIdentity, packageId: string): Promise<RequestForm> {
    return buildRequestForm(this.deps, who, packageId);
  }

  /** Submits once per idempotency key; returns the request's status after trying Graph right away. */
  async submit(
    who: DelegatedIdentity,
    input: SubmitInput,
  ): Promise<{ view: RequestStatusView; created: boolean }> {
    const { workflows, clock } = this.deps;
    const id = requestItemId(who.userId, input.idempotencyKey);
    const known = await workflows.get<AccessRequestData>(id);
    if (known) return { view: requestStatusView(known), created: false };
    const open = (
      await workflows.find<AccessRequestData>({ kind: ACCESS_REQUEST, subject: who.userId, states: OPEN })
    ).find(
      (i) =>
        i.data.requesterId === who.userId &&
        i.data.package.id === input.packageId &&
        i.data.requestType === 'add',
    );
    if (open) throw new OpenRequestExistsError(open.id);
    const form = await this.form(who, input.packageId);
    const policy = input.policyId
      ? form.policies.find((p) => p.id === input.policyId)
      : form.policies.length === 1
        ? form.policies[0]
        : undefined;
    if (!policy)
      throw new InvalidRequestError([
        { field: 'policyId', message: 'Choose one of the policies that apply to you' },
      ]);
    const valid = validateSubmission(policy, input, clock.now());
    const lease = this.deps.effects.leaseRequest();
    const { item, created } = await workflows.create(
      createdLeased(
        newRequestItem({
          userId: who.userId,
          idempotencyKey: input.idempotencyKey,
          requester: await requesterOf(this.deps.directory, who.userId),
          stages: policy.stages,
          sourceMessage: input.sourceMessage,
          source: input.source,
          now: clock.now(),
          data: {
            requestType: 'add',
            package: {
              id: form.package.id,
              displayName: form.package.displayName,
              catalog: form.package.catalog,
            },
            policy: {
              id: policy.id,
              displayName: policy.displayName,
              approvalRequired: policy.approval.required,
              expiration: policy.accessLasts,
            },
            grants: form.resources.map((r) => ({ name: r.displayName, role: r.role ?? r.type })),
            ...valid,
          },
        }),
        lease,
      ),
    );
    // The turn holds the new item's lease: it submits to Graph itself, never racing the poller.
    return { view: await this.runNow(item, who, lease.owner), created };
  }

  /** Cancels the user's own pending request, here and in Graph; approvers' cards say so. */
  async cancel(who: DelegatedIdentity, itemId: string): Promise<RequestStatusView> {
    const now = this.deps.clock.now();
    const lease = this.deps.effects.leaseRequest();
    const { item } = await mutateItem<AccessRequestData>(
      this.deps.workflows,
      itemId,
      () => now,
      (fresh) => cancelPatch(fresh, who.userId, now),
      { lease },
    );
    return this.runNow(item, who, lease.owner);
  }

  /**
   * The user's requests, newest first: those made through the bot, and those made elsewhere (My Access)
   * that Graph knows. When Graph fails, the bot's own still show and the list says the rest is missing.
   */
  async myRequests(who: DelegatedIdentity): Promise<MyRequests> {
    const [items, graph] = await Promise.all([
      this.deps.workflows.find<AccessRequestData>({ kind: ACCESS_REQUEST, subject: who.userId, limit: 50 }),
      graphRequestsOf(this.deps.entitlement, who),
    ]);
    return mergeMyRequests(
      items.filter((i) => i.data.requesterId === who.userId),
      graph,
    );
  }

  /** One request as its requester sees it (status card refresh). */
  async status(who: DelegatedIdentity, itemId: string): Promise<RequestStatusView> {
    const item = await this.deps.workflows.get<AccessRequestData>(itemId);
    if (!item || item.data.requesterId !== who.userId) throw new NotYoursError('Not your request');
    return requestStatusView(item);
  }

  private async runNow(
    item: WorkflowItem<AccessRequestData>,
    who: DelegatedIdentity,
    owner: string,
  ): Promise<RequestStatusView> {
    await this.deps.effects.runItem(item, new Map([[who.userId, who.assertion]]), owner);
    const after = await this.deps.workflows.get<AccessRequestData>(item.id);
    return requestStatusView(after!);
  }
}
