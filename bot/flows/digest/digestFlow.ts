import { z } from 'zod';
import { renderNoticeCard } from '../../../cards/notice';
import type { Clock } from '../../../services/clock';
import {
  createDigestWorkflow,
  type DigestWorkflow,
  type DigestWorkflowDeps,
} from '../../../services/digest/digestWorkflow';
import { DIGEST_NOTIFICATION } from '../../../services/digest/digestItems';
import type { SignedLinks } from '../../../services/digest/signedLinks';
import type { FlowFactory } from '../../flow';
import { defineHandler } from '../../invoke/handler';
import { CSV_PATH, csvRoute } from './csvRoute';
import { renderDigestCard } from './digestCard';

/** What the digest flow needs beyond the bot's own ports. */
export type DigestFlowDeps = Omit<DigestWorkflowDeps, 'notifier' | 'links'> & {
  signedLinks: SignedLinks;
  clock: Clock;
};

const runId = z.string().min(1).max(300);

/** The weekly audit digest as the bot hosts it: "digest now", its card and verbs, CSV downloads, loops. */
export function digestFlow(deps: DigestFlowDeps, onCreated?: (wf: DigestWorkflow) => void): FlowFactory {
  return (ports) => {
    const links = (run: string, file: string, userId: string, now: Date) =>
      `${ports.publicUrl()}${CSV_PATH.replace(':runId', encodeURIComponent(run)).replace(':file', file)}?${deps.signedLinks.sign(run, file, userId, now)}`;
    const wf = createDigestWorkflow({ ...deps, notifier: ports.notifier, links });
    onCreated?.(wf);
    const card = (n: { data: Record<string, unknown> }) => renderDigestCard(n.data);
    return {
      messages: {
        digest: async ({ actor }) => {
          await wf.askNow(actor.userId);
          return renderNoticeCard({
            title: 'Collecting your audit digest',
            text: 'I am reading mailboxes, Secure Score and governance now; the digest arrives here in a moment.',
          });
        },
      },
      verbs: {
        'digest.refresh': defineHandler(z.object({ runId }), async ({ actor, data }) =>
          card(await wf.notificationFor(data.runId, actor.userId)),
        ),
        'digest.enableAuditing': defineHandler(
          z.object({ runId, key: z.string().min(1).max(500) }),
          async ({ actor, data }) =>
            card(
              await wf.enableAuditing(
                { userId: actor.userId, name: actor.name || actor.userId },
                data.runId,
                data.key,
              ),
            ),
        ),
      },
      renderers: { [DIGEST_NOTIFICATION]: (data) => renderDigestCard(data) },
      routes: [csvRoute(wf, deps.signedLinks, deps.clock, deps.logger)],
      background: [
        { name: 'digest-outbox', start: () => wf.outbox.start(), stop: () => wf.outbox.stop() },
        {
          name: 'digest-scheduler',
          start: () => {
            void wf
              .scheduleNext()
              .catch((err: unknown) => deps.logger.error({ err }, 'could not schedule the weekly digest'));
            wf.scheduler.start();
          },
          stop: () => wf.scheduler.stop(),
        },
      ],
    };
  };
}
