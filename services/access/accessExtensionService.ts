import type { ApproverResolver } from '../approvals/approverResolver';
import type { Clock } from '../clock';
import type { DirectoryGateway } from '../ports/directory';
import type { EntitlementGateway } from '../ports/entitlement';
import type { SentMessage } from '../ports/notifier';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowStore } from '../ports/workflowStore';
import { createdLeased } from '../workflow/mutate';
import type { EffectRunner } from './accessRequestService';
import { extendableAssignments } from './extendable';
import { buildExtensionForm, type ExtensionForm } from './extensionForm';
import type { AccessRequestData } from './model';
import { newRequestItem, requestItemId } from './newRequestItem';
import { requestStatusView, type RequestStatusView } from './requestStatus';
import { requesterOf } from './requester';
import { type SubmissionInput, validateSubmission } from './validateSubmission';

/** One row of "my access". */
export interface MyAccessEntry {
  assignmentId: string;
  package: { id: string; displayName: string };
  policyId?: string;
  state: string;
  /** ISO; undefined when the access does not expire. */
  endsAt?: string;
  /** Its policy lets the user extend it (Extend is offered only then). */
  extendable: boolean;
}

/**
 * The user's access and its extension: `userExtend` under the policy the access was granted by,
 * with what that policy asks (justification, questions, schedule) and approval where it requires it
 * for updates.
 */
export class AccessExtensionService {
  constructor(
    private readonly deps: {
      entitlement: EntitlementGateway;
      directory: DirectoryGateway;
      resolver: ApproverResolver;
      workflows: WorkflowStore;
      effects: EffectRunner;
      clock: Clock;
    },
  ) {}

  /** The user's delivered assignments, soonest to end first. */
  async myAccess(who: DelegatedIdentity): Promise<MyAccessEntry[]> {
    const all = await this.deps.entitlement.myAssignments(who);
    const extendable = await extendableAssignments(
      this.deps.entitlement,
      all.flatMap((a) =>
        a.accessPackage?.id ? [{ id: a.id, packageId: a.accessPackage.id, policyId: a.policyId }] : [],
      ),
    );
    return all
      .map((a) => ({
        assignmentId: a.id,
        package: {
          id: a.accessPackage?.id ?? '',
          displayName: a.accessPackage?.displayName ?? 'Access package',
        },
        policyId: a.policyId,
        state: a.state,
        endsAt: a.endDateTime,
        extendable: extendable.has(a.id),
      }))
      .sort((a, b) => (a.endsAt ?? '9999').localeCompare(b.endsAt ?? '9999'));
  }

  /** The extension form of one of the user's assignments (NotYoursError, NotExtendableError). */
  form(who: DelegatedIdentity, assignmentId: string): Promise<ExtensionForm> {
    return buildExtensionForm(this.deps, who, assignmentId);
  }

  /**
   * Asks to extend one of the user's assignments; once per idempotency key. The form's answers are
   * checked against the policy as a new request's are (InvalidRequestError names each problem).
   */
  async extend(
    who: DelegatedIdentity,
    input: SubmissionInput & {
      assignmentId: string;
      idempotencyKey: string;
      sourceMessage?: SentMessage;
      source?: Record<string, string>;
    },
  ): Promise<{ view: RequestStatusView; created: boolean }> {
    const { workflows, clock } = this.deps;
    const id = requestItemId(who.userId, input.idempotencyKey);
    const known = await workflows.get<AccessRequestData>(id);
    if (known) return { view: requestStatusView(known), created: false };
    const { policy, detail } = await this.form(who, input.assignmentId);
    const valid = validateSubmission(policy, input, clock.now());
    const approvalRequired = policy.approval.required;
    const lease = this.deps.effects.leaseRequest();
    const { item, created } = await workflows.create(
      createdLeased(
        newRequestItem({
          userId: who.userId,
          idempotencyKey: input.idempotencyKey,
          requester: await requesterOf(this.deps.directory, who.userId),
          stages: approvalRequired ? policy.stages : [],
          sourceMessage: input.sourceMessage,
          source: input.source,
          now: clock.now(),
          data: {
            requestType: 'extend',
            assignmentId: input.assignmentId,
            package: { id: detail.id, displayName: detail.displayName, catalog: detail.catalog?.displayName },
            policy: {
              id: policy.id,
              displayName: policy.displayName,
              approvalRequired,
              expiration: policy.accessLasts,
            },
            grants: detail.resources.map((r) => ({ name: r.displayName, role: r.role ?? r.type })),
            ...valid,
          },
        }),
        lease,
      ),
    );
    // The turn holds the new item's lease: it submits to Graph itself, never racing the poller.
    await this.deps.effects.runItem(item, new Map([[who.userId, who.assertion]]), lease.owner);
    return { view: requestStatusView((await workflows.get<AccessRequestData>(item.id))!), created };
  }
}
