import type { AssignmentRequest } from './model';
import type { ApprovalFlow } from './approvalFlow';
import type { Delivery } from './delivery';

/**
 * What Graph does with a request after answering it, on the emulator's clock: a `submitted` request
 * starts its approval (`pendingApproval`) or its delivery once its processing delay has passed; a
 * `delivering` one is delivered in turn; a removal takes the assignment away. Evaluated lazily, at the
 * instant each step fell due, whenever state is read. (entitlementmanagement-post-assignmentrequests.md:
 * the create answers `submitted` / `Accepted`; resources/accesspackageassignmentrequest.md: the state
 * moves on through pendingApproval, delivering, delivered or denied afterwards.)
 */
export class RequestProcessing {
  constructor(
    private readonly flow: ApprovalFlow,
    private readonly delivery: Delivery,
  ) {}

  /** Brings one request up to `now`, as many steps as fell due. */
  advance(r: AssignmentRequest, now: Date): void {
    for (let step = 0; step < 10; step++) {
      const due = r.dueAt ? new Date(r.dueAt) : undefined;
      if (r.state === 'submitted' && due && due <= now) {
        r.dueAt = null;
        if (r.requestType.toLowerCase().endsWith('remove')) this.delivery.deliver(r, due);
        else if (r.stages.length > 0) this.flow.startStage(r, 0, due);
        else this.delivery.begin(r, due);
      } else if (r.state === 'delivering' && due && due <= now) {
        this.delivery.deliver(r, due);
      } else if (r.state === 'pendingApproval') {
        const before = r.state;
        this.flow.advance(r, now);
        if (r.state === before) return;
      } else return;
    }
  }
}
