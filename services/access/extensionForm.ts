import type { ApproverResolver } from '../approvals/approverResolver';
import type { AccessPackageDetail, EntitlementGateway } from '../ports/entitlement';
import type { DelegatedIdentity } from '../ports/userTokens';
import { NotExtendableError, NotYoursError } from './errors';
import { policyOption, type PolicyOption, type RequestForm } from './requestForm';

/** The extension form of one assignment: the policy it was granted by, and what it asks for updates. */
export interface ExtensionForm {
  assignmentId: string;
  /** When the access ends now (ISO), if it does. */
  endsAt?: string;
  form: RequestForm;
  policy: PolicyOption;
  detail: AccessPackageDetail;
}

/**
 * Builds the extension form: the user's own assignment (asked as them), the policy it was granted by
 * among those that apply to them (getApplicablePolicyRequirements: justification, questions, custom
 * schedule), and who approves an update. NotYoursError when the assignment is not theirs.
 */
export async function buildExtensionForm(
  deps: { entitlement: EntitlementGateway; resolver: ApproverResolver },
  who: DelegatedIdentity,
  assignmentId: string,
): Promise<ExtensionForm> {
  const assignment = (await deps.entitlement.myAssignments(who)).find((a) => a.id === assignmentId);
  const packageId = assignment?.accessPackage?.id;
  if (!assignment || !packageId) throw new NotYoursError('That access is not yours, or has ended');
  const applicable = (await deps.entitlement.applicablePolicies(who, [packageId])).get(packageId) ?? [];
  const reqs =
    applicable.find((r) => r.policyId === assignment.policyId) ??
    (assignment.policyId ? undefined : applicable[0]);
  const detail = await deps.entitlement.getAccessPackage(packageId);
  const granting = reqs && detail.policies.find((p) => p.id === reqs.policyId);
  // Graph refuses a userExtend the policy does not enable (ExtensionNotAllowed): say so before the form.
  if (!granting?.enableTargetsToSelfUpdateAccess)
    throw new NotExtendableError(
      `The policy of ${detail.displayName} does not let you extend it. Ask its owner, or request it again once it ends.`,
    );
  const policy = await policyOption(deps.resolver, detail, reqs!, who.userId, 'extend');
  return {
    assignmentId,
    endsAt: assignment.endDateTime,
    detail,
    policy,
    form: {
      package: {
        id: detail.id,
        displayName: detail.displayName,
        description: detail.description,
        catalog: detail.catalog?.displayName,
      },
      resources: detail.resources,
      policies: [policy],
    },
  };
}
