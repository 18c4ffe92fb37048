import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Clock } from '../../../services/clock';
import type { ActivationService } from '../../../services/pim/activationService';
import type { ActivationStatusView } from '../../../services/pim/activationStatus';
import { InvalidActivationError } from '../../../services/pim/errors';
import { defineHandler, type InvokeInput, type VerbModule } from '../../invoke/handler';
import { userTimeOf } from '../../userTime';
import { delegated, sourceOf } from '../access/turnIdentity';
import { renderActivationFormCard } from './activationFormCard';
import { renderActivationStatusCard } from './activationStatusCard';
import { renderRolesCard } from './rolesCard';
import type { StepUpPrompt } from './stepUpPrompt';

const id = z.string().min(1).max(200);
const text = z.string().max(500).optional();
const Activate = z.object({
  roleId: id,
  idempotencyKey: id,
  duration: z.string().max(40),
  justification: text,
  ticketNumber: z.string().max(100).optional(),
  ticketSystem: z.string().max(100).optional(),
  /** Set by an Extend card: the new activation starts when this one ends. */
  extendOf: z.string().max(200).optional(),
  startDate: z.string().max(10).optional(),
  startTime: z.string().max(5).optional(),
});

/** The start the user chose, read in their time zone; 'invalid' makes the policy check name the field. */
function chosenStart(date: string | undefined, time: string | undefined, zone: string | undefined) {
  if (!date) return undefined;
  const at = DateTime.fromISO(`${date}T${time || '00:00'}`, { zone: zone ?? 'UTC' });
  return at.isValid ? at.toUTC().toISO()! : 'invalid';
}

/** pim.*: the roles list, the activation card and its submit, status, deactivate and extend. */
export function pimVerbs(svc: () => ActivationService, stepUp: StepUpPrompt, clock: Clock): VerbModule {
  const time = (input: InvokeInput<unknown>) => userTimeOf(input.context.activity, clock.now());
  /** The activation's card; when it waits for MFA, the sign-in card follows as a message. */
  const answer = async (input: InvokeInput<unknown>, view: ActivationStatusView) => {
    if (view.status === 'stepUp') await stepUp.offer(input.context, view);
    return renderActivationStatusCard(view, time(input));
  };
  return {
    'pim.roles': defineHandler(z.object({}).passthrough(), async (input) =>
      renderRolesCard(await svc().roles.mine(await delegated(input)), time(input)),
    ),
    'pim.open': defineHandler(z.object({ roleId: id }), async (input) =>
      renderActivationFormCard(
        await svc().roles.form(await delegated(input), input.data.roleId),
        randomUUID(),
        {},
        time(input).timeZone,
      ),
    ),
    'pim.activate': defineHandler(Activate, async (input) => {
      const d = input.data;
      const who = await delegated(input);
      const extending = d.extendOf ? await svc().item(who, d.extendOf) : undefined;
      try {
        const view = await svc().activate(who, {
          roleId: d.roleId,
          idempotencyKey: d.idempotencyKey,
          duration: d.duration,
          justification: d.justification,
          ticketNumber: d.ticketNumber,
          ticketSystem: d.ticketSystem,
          startDateTime:
            extending?.data.activeUntil ?? chosenStart(d.startDate, d.startTime, time(input).timeZone),
          requestType: extending ? 'extend' : 'activate',
          sourceMessage: sourceOf(input),
          source: { card: 'pim-activate', activityId: input.context.activity.replyToId ?? '' },
        });
        return await answer(input, view);
      } catch (err) {
        if (!(err instanceof InvalidActivationError)) throw err;
        const form = await svc().roles.form(who, d.roleId);
        return renderActivationFormCard(
          form,
          d.idempotencyKey,
          { ...d, problems: err.problems.map((p) => `${p.message}.`) },
          time(input).timeZone,
        );
      }
    }),
    'pim.status': defineHandler(z.object({ itemId: id }), async (input) =>
      answer(input, await svc().status(await delegated(input), input.data.itemId)),
    ),
    'pim.deactivate': defineHandler(
      z.object({ roleId: id, directoryScopeId: z.string().max(200).optional(), itemId: id.optional() }),
      async (input) => {
        const who = await delegated(input);
        await svc().deactivate(who, input.data.roleId, input.data.directoryScopeId || '/');
        if (input.data.itemId)
          return renderActivationStatusCard(await svc().status(who, input.data.itemId), time(input));
        return renderRolesCard(await svc().roles.mine(who), time(input));
      },
    ),
    'pim.extend': defineHandler(z.object({ itemId: id, idempotencyKey: id }), async (input) => {
      const who = await delegated(input);
      const item = await svc().item(who, input.data.itemId);
      const form = await svc().roles.form(who, item.data.role.id);
      return renderActivationFormCard(form, input.data.idempotencyKey, {
        duration: form.policy.maximumDuration,
        justification: item.data.justification,
        ticketNumber: item.data.ticket?.number,
        ticketSystem: item.data.ticket?.system,
        extendOf: item.id,
      });
    }),
  };
}
