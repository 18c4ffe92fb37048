import type { Clock } from '../../../services/clock';
import type { DigestWorkflow } from '../../../services/digest/digestWorkflow';
import type { SignedLinks } from '../../../services/digest/signedLinks';
import type { Logger } from '../../../services/logger';
import { isDomainError } from '../../errorCard';
import type { HttpAnswer, HttpRoute } from '../../flow';

/** Where CSV files are served: one file of one run, e.g. /digest/csv/week%3A…/forwarding. */
export const CSV_PATH = '/digest/csv/:runId/:file';

const text = (status: number, body: string): HttpAnswer => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  body,
});

/**
 * Serves the digest's CSV files. Opening a link from Teams sends no Authorization header, so the link
 * carries the proof (see SignedLinks); the recipient list is checked again now.
 */
export function csvRoute(wf: DigestWorkflow, links: SignedLinks, clock: Clock, logger: Logger): HttpRoute {
  return {
    path: CSV_PATH,
    handle: async ({ params, query }) => {
      const runId = params.runId ?? '';
      const file = params.file ?? '';
      const grant = links.verify(runId, file, query, clock.now());
      if (grant === 'expired')
        return text(
          410,
          'This link has expired. Press "Refresh links" on the digest card in Teams for a new one.',
        );
      if (typeof grant === 'string') {
        logger.warn({ reason: grant }, 'digest CSV link refused');
        return text(403, 'This link is not valid.');
      }
      try {
        const csv = await wf.csv(runId, file, grant.userId);
        const name = `audit-digest-${runId.replace(/[^A-Za-z0-9-]+/g, '-')}-${file}.csv`;
        return {
          status: 200,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="${name}"`,
          },
          // A byte order mark, so Excel reads the file as UTF-8.
          body: `\ufeff${csv}`,
        };
      } catch (err) {
        if (!isDomainError(err)) throw err;
        const status = (err as { status?: number }).status ?? 400;
        return text(status, err.message);
      }
    },
  };
}
