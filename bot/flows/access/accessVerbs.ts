import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import type { Clock } from '../../../services/clock';
import { defineHandler, type InvokeInput, type VerbModule } from '../../invoke/handler';
import { userTimeOf } from '../../userTime';
import { approvalVerbs } from './approvalVerbs';
import { extendVerbs } from './extendVerbs';
import { accessLists } from './lists';
import { renderPolicyChoiceCard, renderRequestFormCard } from './requestFormCard';
import { renderStatusCard } from './statusCard';
import { submitVerb } from './submitVerb';
import { delegated } from './turnIdentity';

const id = z.string().min(1).max(200);
const page = z.coerce.number().int().min(1).max(1000).optional();
const search = z.string().max(100).optional();

/** Verbs of the access package flow (catalog, request card, submit, cancel, status, extend) and approvals. */
export function accessVerbs(wf: AccessWorkflow, clock: Clock): VerbModule {
  const time = (input: InvokeInput<unknown>) => userTimeOf(input.context.activity, clock.now());
  const lists = accessLists(wf);
  return {
    'access.browse': defineHandler(z.object({ page, search }), async (input) =>
      lists.catalog(await delegated(input), time(input), input.data),
    ),
    'access.open': defineHandler(
      z.object({ packageId: id, policyId: id.optional(), page, search }),
      async (input) => {
        const { packageId, policyId, page: p, search: s } = input.data;
        const form = await wf.requests.form(await delegated(input), packageId);
        // The catalog stays one click away: the form replaces it, Back brings it back as it was.
        const back = {
          title: 'Back to the list',
          verb: 'access.browse',
          data: { page: p ?? 1, search: s ?? '' },
        };
        const policy =
          form.policies.find((x) => x.id === policyId) ??
          (form.policies.length === 1 ? form.policies[0] : undefined);
        if (!policy) return renderPolicyChoiceCard(form, time(input), back);
        return renderRequestFormCard(form, policy, randomUUID(), time(input), undefined, {
          submit: {
            title: 'Submit request',
            verb: 'access.submit',
            data: { packageId: form.package.id, policyId: policy.id },
          },
          back,
        });
      },
    ),
    'access.submit': submitVerb(wf, clock),
    'access.cancel': defineHandler(
      z.object({ itemId: id, confirmed: z.boolean().optional(), from: z.enum(['myRequests']).optional() }),
      async (input) => {
        const who = await delegated(input);
        const { itemId, confirmed, from } = input.data;
        // Cards confirm first (a ShowCard); a click without the confirmation only shows the status.
        if (!confirmed) return renderStatusCard(await wf.requests.status(who, itemId), time(input));
        const view = await wf.requests.cancel(who, itemId);
        if (from !== 'myRequests') return renderStatusCard(view, time(input));
        // Canceled from the list: the list stays, with the row now saying so.
        return lists.myRequests(
          who,
          time(input),
          `Your request for ${view.package.displayName} is canceled.`,
        );
      },
    ),
    'access.status': defineHandler(z.object({ itemId: id }), async (input) =>
      renderStatusCard(await wf.requests.status(await delegated(input), input.data.itemId), time(input)),
    ),
    'access.myRequests': defineHandler(z.object({}).loose(), async (input) =>
      lists.myRequests(await delegated(input), time(input)),
    ),
    'access.myAccess': defineHandler(z.object({}).loose(), async (input) =>
      lists.myAccess(await delegated(input), time(input)),
    ),
    ...extendVerbs(wf, clock),
    ...approvalVerbs(wf, clock),
  };
}
