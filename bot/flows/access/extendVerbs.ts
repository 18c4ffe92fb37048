import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AccessWorkflow } from '../../../services/access/accessWorkflow';
import { InvalidRequestError } from '../../../services/access/errors';
import type { ExtensionForm } from '../../../services/access/extensionForm';
import type { UserTime } from '../../../services/access/formatWhen';
import type { Clock } from '../../../services/clock';
import { defineHandler, type InvokeInput, type VerbModule } from '../../invoke/handler';
import { userTimeOf } from '../../userTime';
import { answersOf, FormInputs } from './formInputs';
import { renderRequestFormCard } from './requestFormCard';
import { renderStatusCard } from './statusCard';
import { delegated, sourceOf } from './turnIdentity';

const id = z.string().min(1).max(200);

function extendForm(
  x: ExtensionForm,
  key: string,
  t: UserTime,
  retry?: { problems: string[]; justification?: string; answers?: Record<string, string> },
) {
  return renderRequestFormCard(x.form, x.policy, key, t, retry, {
    heading: `Extend ${x.form.package.displayName}`,
    submit: { title: 'Request extension', verb: 'access.extend', data: { assignmentId: x.assignmentId } },
    back: { title: 'Back to my access', verb: 'access.myAccess', data: {} },
  });
}

/**
 * access.extendForm opens the extension form (what the policy asks: justification, questions,
 * schedule); access.extend submits it, once per form, and a refused one comes back with what to fix.
 */
export function extendVerbs(wf: AccessWorkflow, clock: Clock): VerbModule {
  const time = (input: InvokeInput<unknown>) => userTimeOf(input.context.activity, clock.now());
  return {
    'access.extendForm': defineHandler(z.object({ assignmentId: id }), async (input) =>
      extendForm(
        await wf.extensions.form(await delegated(input), input.data.assignmentId),
        randomUUID(),
        time(input),
      ),
    ),
    'access.extend': defineHandler(FormInputs.extend({ assignmentId: id }), async (input) => {
      const d = input.data;
      const who = await delegated(input);
      const t = time(input);
      const answers = answersOf(d);
      try {
        const { view } = await wf.extensions.extend(who, {
          assignmentId: d.assignmentId,
          idempotencyKey: d.idempotencyKey,
          justification: d.justification,
          answers,
          startDate: d.startDate || undefined,
          endDate: d.endDate || undefined,
          timeZone: t.timeZone,
          sourceMessage: sourceOf(input),
          source: { card: 'access-extend', activityId: input.context.activity.replyToId ?? '' },
        });
        return renderStatusCard(view, t);
      } catch (err) {
        if (!(err instanceof InvalidRequestError)) throw err;
        const problems = err.problems.map((p) => `${p.message}.`);
        const form = await wf.extensions.form(who, d.assignmentId);
        return extendForm(form, d.idempotencyKey, t, { problems, justification: d.justification, answers });
      }
    }),
  };
}
