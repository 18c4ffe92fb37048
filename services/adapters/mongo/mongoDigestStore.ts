import type { AnyBulkWriteOperation, Collection, Filter } from 'mongodb';
import type { DigestFinding } from '../../digest/model';
import type { DigestRun, DigestStore } from '../../ports/digestStore';
import { isDuplicateKey } from './errors';

type RunDoc = Omit<DigestRun, 'id'> & { _id: string };
type FindingDoc = DigestFinding & { _id: string; runId: string };

const toRun = ({ _id, ...rest }: RunDoc): DigestRun => ({ id: _id, ...rest });
const toFinding = ({ _id, runId, ...rest }: FindingDoc): DigestFinding => {
  void _id;
  void runId;
  return rest;
};

/**
 * The digest's history in `digestRuns` and `digestFindings`. Run updates are conditional on `version`;
 * only the holder of the run's job lease writes a run, so the condition is a guard, not a race arbiter
 * (which matters on FerretDB, whose conditional writes are not atomic).
 */
export class MongoDigestStore implements DigestStore {
  constructor(
    private readonly runs: Collection<RunDoc>,
    private readonly found: Collection<FindingDoc>,
  ) {}

  async createRun(run: Omit<DigestRun, 'version'>): Promise<DigestRun> {
    const { id, ...rest } = run;
    try {
      await this.runs.insertOne({ _id: id, ...rest, version: 1 });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return (await this.getRun(id))!;
  }

  async getRun(id: string): Promise<DigestRun | undefined> {
    const doc = await this.runs.findOne({ _id: id });
    return doc ? toRun(doc) : undefined;
  }

  async updateRun(
    id: string,
    expectedVersion: number,
    change: Partial<DigestRun>,
  ): Promise<DigestRun | undefined> {
    const { id: _ignored, version: _v, ...set } = change;
    void _ignored;
    void _v;
    const res = await this.runs.updateOne(
      { _id: id, version: expectedVersion },
      { $set: set, $inc: { version: 1 } },
    );
    return res.modifiedCount === 1 ? this.getRun(id) : undefined;
  }

  async latestWeeklyBefore(before: Date): Promise<DigestRun | undefined> {
    const doc = await this.runs.findOne(
      { kind: 'weekly', state: 'complete', at: { $lt: before } },
      { sort: { kind: 1, state: 1, at: -1 } },
    );
    return doc ? toRun(doc) : undefined;
  }

  async recentWeekly(limit: number): Promise<DigestRun[]> {
    const docs = await this.runs
      .find({ kind: 'weekly', state: 'complete' })
      .sort({ kind: 1, state: 1, at: -1 })
      .limit(limit)
      .toArray();
    return docs.map(toRun);
  }

  async putFindings(runId: string, findings: DigestFinding[]): Promise<void> {
    if (findings.length === 0) return;
    const ops: AnyBulkWriteOperation<FindingDoc>[] = findings.map((f) => ({
      replaceOne: {
        filter: { _id: `${runId}|${f.key}` },
        replacement: { ...f, _id: `${runId}|${f.key}`, runId },
        upsert: true,
      },
    }));
    await this.found.bulkWrite(ops, { ordered: false });
  }

  async findings(runId: string, section?: string): Promise<DigestFinding[]> {
    const filter = (section === undefined ? { runId } : { runId, section }) as Filter<FindingDoc>;
    const docs = await this.found.find(filter).sort({ runId: 1, key: 1 }).toArray();
    return docs.map(toFinding);
  }
}
