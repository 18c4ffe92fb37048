import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import type { Clock } from '../../../services/clock';
import { defineHandler, type InvokeInput, type VerbModule } from '../../invoke/handler';
import { delegated, sourceOf } from './turnIdentity';
import { approvalVerbs } from './approvalVerbs';
import { renderCatalogCard } from './catalogCard';
import { renderPolicyChoiceCard, renderRequestFormCard } from './requestFormCard';
import { renderStatusCard } from './statusCard';
import { submitVerb } from './submitVerb';
import { userTimeOf } from '../../userTime';

const id = z.string().min(1).max(200);
const text = z.string().max(2000).optional();

/** Verbs of the access package flow (catalog, request card, submit, cancel, status, extend) and approvals. */
export function accessVerbs(wf: AccessWorkflow, clock: Clock): VerbModule {
  const time = (input: InvokeInput<unknown>) => userTimeOf(input.context.activity, clock.now());
  return {
    'access.browse': defineHandler(
      z.object({
        page: z.coerce.number().int().min(1).max(1000).optional(),
        search: z.string().max(100).optional(),
      }),
      async (input) => renderCatalogCard(await wf.catalog.browse(await delegated(input), input.data)),
    ),
    'access.open': defineHandler(z.object({ packageId: id, policyId: id.optional() }), async (input) => {
      const form = await wf.requests.form(await delegated(input), input.data.packageId);
      const policy =
        form.policies.find((p) => p.id === input.data.policyId) ??
        (form.policies.length === 1 ? form.policies[0] : undefined);
      if (!policy) return renderPolicyChoiceCard(form);
      return renderRequestFormCard(form, policy, randomUUID(), time(input));
    }),
    'access.submit': submitVerb(wf, clock),
    'access.cancel': defineHandler(z.object({ itemId: id }), async (input) =>
      renderStatusCard(await wf.requests.cancel(await delegated(input), input.data.itemId), time(input)),
    ),
    'access.status': defineHandler(z.object({ itemId: id }), async (input) =>
      renderStatusCard(await wf.requests.status(await delegated(input), input.data.itemId), time(input)),
    ),
    'access.extend': defineHandler(
      z.object({ assignmentId: id, idempotencyKey: id, justification: text }),
      async (input) => {
        const { view } = await wf.extensions.extend(await delegated(input), {
          ...input.data,
          sourceMessage: sourceOf(input),
          source: { card: 'access-expiring', activityId: input.context.activity.replyToId ?? '' },
        });
        return renderStatusCard(view, time(input));
      },
    ),
    ...approvalVerbs(wf, clock),
  };
}
