import { createdLeased } from '../workflow/mutate';
import type { ApproverResolver } from '../approvals/approverResolver';
import type { Clock } from '../clock';
import type { DirectoryGateway } from '../ports/directory';
import type { AssignmentInfo, EntitlementGateway } from '../ports/entitlement';
import type { SentMessage } from '../ports/notifier';
import type { DelegatedIdentity } from '../ports/userTokens';
import type { WorkflowStore } from '../ports/workflowStore';
import type { EffectRunner } from './accessRequestService';
import { InvalidRequestError, NotExtendableError, NotYoursError } from './errors';
import type { AccessRequestData } from './model';
import { newRequestItem, requestItemId } from './newRequestItem';
import { requestStatusView, type RequestStatusView } from './requestStatus';
import { requesterOf } from './requester';

/** One row of "my access". */
export interface MyAccessEntry {
  assignmentId: string;
  package: { id: string; displayName: string };
  policyId?: string;
  state: string;
  /** ISO; undefined when the access does not expire. */
  endsAt?: string;
}

/**
 * The user's access and its extension: `userExtend` under the policy the access was granted by,
 * with approval where the policy requires it for updates.
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
      }))
      .sort((a, b) => (a.endsAt ?? '9999').localeCompare(b.endsAt ?? '9999'));
  }

  /** Asks to extend one of the user's assignments; once per idempotency key. */
  async extend(
    who: DelegatedIdentity,
    input: {
      assignmentId: string;
      justification?: string;
      idempotencyKey: string;
      sourceMessage?: SentMessage;
      source?: Record<string, string>;
    },
  ): Promise<{ view: RequestStatusView; created: boolean }> {
    const { workflows, clock } = this.deps;
    const id = requestItemId(who.userId, input.idempotencyKey);
    const known = await workflows.get<AccessRequestData>(id);
    if (known) return { view: requestStatusView(known), created: false };
    const assignment = (await this.deps.entitlement.myAssignments(who)).find(
      (a) => a.id === input.assignmentId,
    );
    if (!assignment?.accessPackage?.id) throw new NotYoursError('That access is not yours, or has ended');
    const { policy, reqs, detail } = await this.policyOf(who, assignment);
    const justification = input.justification?.trim() || undefined;
    if (reqs.isRequestorJustificationRequired && !justification) {
      throw new InvalidRequestError([{ field: 'justification', message: 'A justification is required' }]);
    }
    const approvalRequired = reqs.isApprovalRequiredForUpdate && policy.stages.length > 0;
    const stages = approvalRequired ? await this.deps.resolver.stages(policy.stages, who.userId) : [];
    const lease = this.deps.effects.leaseRequest();
    const { item, created } = await workflows.create(
      createdLeased(
        newRequestItem({
          userId: who.userId,
          idempotencyKey: input.idempotencyKey,
          requester: await requesterOf(this.deps.directory, who.userId),
          stages,
          sourceMessage: input.sourceMessage,
          source: input.source,
          now: clock.now(),
          data: {
            requestType: 'extend',
            assignmentId: assignment.id,
            package: { id: detail.id, displayName: detail.displayName, catalog: detail.catalog?.displayName },
            policy: {
              id: policy.id,
              displayName: policy.displayName,
              approvalRequired,
              expiration: policy.expiration,
            },
            justification,
            answers: [],
          },
        }),
        lease,
      ),
    );
    await this.deps.effects.runItem(item, new Map([[who.userId, who.assertion]]), lease.owner);
    return { view: requestStatusView((await workflows.get<AccessRequestData>(item.id))!), created };
  }

  private async policyOf(who: DelegatedIdentity, assignment: AssignmentInfo) {
    const packageId = assignment.accessPackage!.id;
    const applicable =
      (await this.deps.entitlement.applicablePolicies(who, [packageId])).get(packageId) ?? [];
    const reqs =
      applicable.find((r) => r.policyId === assignment.policyId) ??
      (assignment.policyId ? undefined : applicable[0]);
    const detail = await this.deps.entitlement.getAccessPackage(packageId);
    const policy = detail.policies.find((p) => p.id === reqs?.policyId);
    if (!reqs || !policy)
      throw new NotExtendableError(`No policy lets ${who.userId} extend ${detail.displayName}`);
    return { policy, reqs, detail };
  }
}
