import { z } from 'zod';
import { InvalidRequestError } from '../../../services/access/errors';
import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import type { Clock } from '../../../services/clock';
import { defineHandler, type VerbHandler } from '../../invoke/handler';
import { userTimeOf } from '../../userTime';
import { answersOf, FormInputs } from './formInputs';
import { renderRequestFormCard } from './requestFormCard';
import { renderStatusCard } from './statusCard';
import { delegated, sourceOf } from './turnIdentity';

const id = z.string().min(1).max(200);
const Submit = FormInputs.extend({ packageId: id, policyId: id.optional() });

/**
 * access.submit: persists the request (once per idempotency key) and answers with its status card.
 * A submission the policy refuses comes back as the same form, with what to fix and what was typed.
 */
export function submitVerb(wf: AccessWorkflow, clock: Clock): VerbHandler {
  return defineHandler(Submit, async (input) => {
    const d = input.data;
    const answers = answersOf(d);
    const t = userTimeOf(input.context.activity, clock.now());
    const who = await delegated(input);
    try {
      const { view } = await wf.requests.submit(who, {
        packageId: d.packageId,
        policyId: d.policyId || undefined,
        idempotencyKey: d.idempotencyKey,
        justification: d.justification,
        answers,
        startDate: d.startDate || undefined,
        endDate: d.endDate || undefined,
        timeZone: t.timeZone,
        sourceMessage: sourceOf(input),
        source: { card: 'access-request', activityId: input.context.activity.replyToId ?? '' },
      });
      return renderStatusCard(view, t);
    } catch (err) {
      if (!(err instanceof InvalidRequestError)) throw err;
      const form = await wf.requests.form(who, d.packageId);
      const policy = form.policies.find((p) => p.id === d.policyId) ?? form.policies[0];
      if (!policy) throw err;
      const problems = err.problems.map((p) => `${p.message}.`);
      return renderRequestFormCard(
        form,
        policy,
        d.idempotencyKey,
        t,
        { problems, justification: d.justification, answers },
        {
          submit: {
            title: 'Submit request',
            verb: 'access.submit',
            data: { packageId: form.package.id, policyId: policy.id },
          },
          back: { title: 'Back to the list', verb: 'access.browse', data: { page: 1, search: '' } },
        },
      );
    }
  });
}
