import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { DigestRun, DigestStore } from '../ports/digestStore';
import type { SecurityReportsGateway } from '../ports/securityReports';
import { compareFindings } from './compare';
import { collectGovernance, type GovernanceDeps } from './governanceSection';
import type { MailCollector } from './mailCollector';
import { collectScore } from './scoreSection';

export interface DigestRunnerDeps {
  store: DigestStore;
  mail: MailCollector;
  reports: SecurityReportsGateway;
  governance: GovernanceDeps;
  clock: Clock;
  logger: Logger;
}

/** Someone else changed the run while this runner worked on it (two runners on one run: a bug). */
export class DigestRunConflictError extends Error {
  constructor(readonly runId: string) {
    super(`Digest run ${runId} was changed by someone else`);
    this.name = 'DigestRunConflictError';
  }
}

/**
 * Collects one digest run to completion: mailboxes (resumable, progress saved per chunk), then Secure
 * Score and governance, then the comparison with the last weekly run. Running it again on a run that
 * stopped half way resumes it; on a complete run it does nothing. The caller holds the job lease.
 */
export class DigestRunner {
  constructor(private readonly deps: DigestRunnerDeps) {}

  async run(id: string, kind: DigestRun['kind'], at: Date): Promise<DigestRun> {
    const { store, clock } = this.deps;
    let run = await store.createRun({
      id,
      kind,
      at,
      state: 'collecting',
      progress: { phase: 'mailboxes', cursor: 0 },
      startedAt: clock.now(),
    });
    if (run.state === 'complete') return run;
    const update = async (change: Parameters<DigestStore['updateRun']>[2]) => {
      const next = await store.updateRun(run.id, run.version, change);
      if (!next) throw new DigestRunConflictError(run.id);
      return (run = next);
    };
    if (run.progress.phase === 'mailboxes') {
      const { mailboxCount } = await this.deps.mail.collect(run, (cursor) =>
        update({ progress: { phase: 'mailboxes', cursor } }),
      );
      await update({ progress: { phase: 'governance', cursor: 0, total: mailboxCount } });
    }
    // Score and governance are a handful of calls: redone whole after a crash, keyed like the rest.
    const score = await collectScore(this.deps.reports);
    const governance = await collectGovernance(this.deps.governance, at);
    await store.putFindings(run.id, [...score.findings, ...governance]);
    const previous = await store.latestWeeklyBefore(at);
    const [current, before] = await Promise.all([
      store.findings(run.id),
      previous ? store.findings(previous.id) : Promise.resolve(undefined),
    ]);
    const { sections } = compareFindings(current, before);
    this.deps.logger.info(
      { runId: run.id, findings: current.length, previous: previous?.id },
      'digest collected',
    );
    return update({
      state: 'complete',
      progress: { ...run.progress, phase: 'done' },
      previousRunId: previous?.id,
      completedAt: clock.now(),
      summary: {
        generatedAt: clock.now().toISOString(),
        mailboxCount: run.progress.total ?? 0,
        score: score.summary,
        sections,
      },
    });
  }
}
