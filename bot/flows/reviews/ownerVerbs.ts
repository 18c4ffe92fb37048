import { z } from 'zod';
import type { Clock } from '../../../services/clock';
import type { ReviewServices } from '../../../services/reviews/reviewWorkflow';
import { defineHandler, type InvokeInput, type VerbModule } from '../../invoke/handler';
import { userTimeOf } from '../../userTime';
import { delegated } from '../access/turnIdentity';
import { renderOwnerCard } from './ownerCard';

const target = z.object({ definitionId: z.string().min(1).max(300), instanceId: z.string().min(1).max(300) });
type Target = z.output<typeof target>;

/** Owners' and admins' verbs: progress, nudge, stop early, apply results. Graph decides who may. */
export function ownerVerbs(svc: () => ReviewServices, clock: Clock): VerbModule {
  const time = (input: InvokeInput<unknown>) => userTimeOf(input.context.activity, clock.now());
  const show = async (input: InvokeInput<Target>, notice = '', problem = false) => {
    const v = await svc().owner.view(await delegated(input), input.data.definitionId, input.data.instanceId);
    return renderOwnerCard(v, time(input), notice, problem);
  };
  const act = (action: 'stop' | 'apply', doneText: string) =>
    defineHandler(target, async (input) => {
      const who = await delegated(input);
      const lease = svc().outbox.leaseRequest();
      const { definitionId, instanceId } = input.data;
      const item = await svc().owner.act(who, action, definitionId, instanceId, lease);
      await svc().outbox.runItem(item, new Map([[who.userId, who.assertion]]), lease.owner);
      const after = await svc().owner.actionItem(item.id);
      const failed = after?.outbox.find((e) => e.lastError)?.lastError;
      if (after?.data.done) return show(input, doneText);
      return show(input, failed ? `Not done: ${failed}` : 'Saved: it will be done in a moment.', true);
    });
  return {
    'review.manage': defineHandler(target, (input) => show(input)),
    'review.nudge': defineHandler(target, async (input) => {
      const n = await svc().owner.nudge(
        await delegated(input),
        input.data.definitionId,
        input.data.instanceId,
      );
      return show(
        input,
        n
          ? `Reminded ${n} reviewer${n === 1 ? '' : 's'} with people left.`
          : 'Nobody has people left to review.',
      );
    }),
    'review.stop': act('stop', 'Stopped: the review is complete, and its reviewers got the summary.'),
    'review.apply': act('apply', 'Applied: denied people lost their access.'),
  };
}
