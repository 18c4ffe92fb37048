import type { DigestFinding } from '../../digest/model';
import type { DigestRun, DigestStore } from '../../ports/digestStore';
import { copy } from './copy';

/** The digest's history in memory, with the MongoDB adapter's semantics (versioned run updates). */
export class MemoryDigestStore implements DigestStore {
  private readonly runs = new Map<string, DigestRun>();
  private readonly found = new Map<string, Map<string, DigestFinding>>();

  async createRun(run: Omit<DigestRun, 'version'>): Promise<DigestRun> {
    const existing = this.runs.get(run.id);
    if (existing) return copy(existing);
    const stored = copy({ ...run, version: 1 });
    this.runs.set(run.id, stored);
    return copy(stored);
  }

  async getRun(id: string): Promise<DigestRun | undefined> {
    const run = this.runs.get(id);
    return run && copy(run);
  }

  async updateRun(
    id: string,
    expectedVersion: number,
    change: Partial<DigestRun>,
  ): Promise<DigestRun | undefined> {
    const run = this.runs.get(id);
    if (!run || run.version !== expectedVersion) return undefined;
    const next = copy({ ...run, ...change, id, version: run.version + 1 });
    this.runs.set(id, next);
    return copy(next);
  }

  async latestWeeklyBefore(before: Date): Promise<DigestRun | undefined> {
    return (await this.recentWeekly(Number.MAX_SAFE_INTEGER)).find((r) => r.at.getTime() < before.getTime());
  }

  async recentWeekly(limit: number): Promise<DigestRun[]> {
    return [...this.runs.values()]
      .filter((r) => r.kind === 'weekly' && r.state === 'complete')
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, limit)
      .map(copy);
  }

  async putFindings(runId: string, findings: DigestFinding[]): Promise<void> {
    let map = this.found.get(runId);
    if (!map) this.found.set(runId, (map = new Map()));
    for (const f of findings) map.set(f.key, copy(f));
  }

  async findings(runId: string, section?: string): Promise<DigestFinding[]> {
    return [...(this.found.get(runId)?.values() ?? [])]
      .filter((f) => section === undefined || f.section === section)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(copy);
  }
}
