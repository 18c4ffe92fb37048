import type { ApproverResolver } from '../approvals/approverResolver';
import type { StageRecord } from '../approvals/model';
import type {
  AccessPackageDetail,
  EntitlementGateway,
  Expiration,
  PolicyRequirements,
} from '../ports/entitlement';
import type { DelegatedIdentity } from '../ports/userTokens';
import { NotRequestableError } from './errors';

/** A question as the request card shows it. */
export interface FormQuestion {
  id: string;
  text: string;
  required: boolean;
  choices?: { value: string; text: string }[];
}

/** One policy the user may request the package under, and what it asks and promises. */
export interface PolicyOption {
  id: string;
  displayName: string;
  description?: string;
  justificationRequired: boolean;
  questions: FormQuestion[];
  /** The user may choose start and end dates, within `accessLasts`. */
  customSchedule: boolean;
  accessLasts?: Expiration;
  approval: {
    required: boolean;
    stages: {
      number: number;
      approvers: string[];
      decideWithin: string;
      escalation?: { after?: string; approvers: string[] };
    }[];
  };
  /** Resolved stages (approvers for this requester), kept to start the approval after submit. */
  stages: StageRecord[];
}

/** Everything the request card needs for one package. */
export interface RequestForm {
  package: { id: string; displayName: string; description?: string; catalog?: string };
  resources: AccessPackageDetail['resources'];
  policies: PolicyOption[];
}

/**
 * Builds the request card's model: the package (app-only), the policies that apply to this user
 * (asked as the user), and who will approve (approvers resolved for this requester).
 */
export async function buildRequestForm(
  deps: { entitlement: EntitlementGateway; resolver: ApproverResolver },
  who: DelegatedIdentity,
  packageId: string,
): Promise<RequestForm> {
  const applicable = (await deps.entitlement.applicablePolicies(who, [packageId])).get(packageId) ?? [];
  if (applicable.length === 0)
    throw new NotRequestableError(`No policy lets ${who.userId} request ${packageId}`);
  const detail = await deps.entitlement.getAccessPackage(packageId);
  const policies: PolicyOption[] = [];
  for (const req of applicable) policies.push(await policyOption(deps.resolver, detail, req, who.userId));
  return {
    package: {
      id: detail.id,
      displayName: detail.displayName,
      description: detail.description,
      catalog: detail.catalog?.displayName,
    },
    resources: detail.resources,
    policies,
  };
}

/** One policy as the form shows it, for a new request or (`extend`) an extension of existing access. */
export async function policyOption(
  resolver: ApproverResolver,
  detail: AccessPackageDetail,
  req: PolicyRequirements,
  userId: string,
  kind: 'add' | 'extend' = 'add',
): Promise<PolicyOption> {
  const policy = detail.policies.find((p) => p.id === req.policyId);
  const asks = kind === 'add' ? req.isApprovalRequiredForAdd : req.isApprovalRequiredForUpdate;
  const required = asks && (policy?.stages.length ?? 0) > 0;
  const stages = required && policy ? await resolver.stages(policy.stages, userId) : [];
  return {
    id: req.policyId,
    displayName: req.policyDisplayName,
    description: req.policyDescription,
    justificationRequired: req.isRequestorJustificationRequired,
    questions: [...req.questions]
      .sort((a, b) => a.sequence - b.sequence)
      .map((q) => ({ id: q.id, text: q.text, required: q.isRequired, choices: q.choices })),
    customSchedule: req.allowCustomAssignmentSchedule,
    accessLasts: policy?.expiration ?? req.schedule?.expiration,
    approval: {
      required,
      stages: stages.map((s) => ({
        number: s.index + 1,
        approvers: s.approvers.map((p) => p.displayName),
        decideWithin: s.decideWithin,
        escalation: s.escalateAfter
          ? { after: s.escalateAfter, approvers: s.escalationApprovers.map((p) => p.displayName) }
          : undefined,
      })),
    },
    stages,
  };
}
