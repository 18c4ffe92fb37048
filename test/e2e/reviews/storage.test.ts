import { strict as assert } from 'node:assert';
import { BSON, type CommandStartedEvent, type Document } from 'mongodb';
import { cardText } from '../../../emulator/teams/cards';
import { connectMongoStore } from '../../../services/adapters/mongo';
import { INDEXES } from '../../../services/adapters/mongo/indexes';
import { unservedQueries } from '../../support/indexedQueries';
import { mongoTestDb } from '../../support/mongo';
import { actionData, invokeCard, textOf } from '../access/accessApp';
import { choicesOf, startReviewApp } from './reviewApp';
import { LARGE_REVIEW_ID, LARGE_REVIEW_PEOPLE, largeReviewTenant } from './largeReviewTenant';

/** Documents the commands wrote (inserted, or the update applied), with their BSON size. */
function written(
  events: readonly CommandStartedEvent[],
): { collection: string; id: string; bytes: number }[] {
  const out: { collection: string; id: string; bytes: number }[] = [];
  const add = (collection: string, id: unknown, doc: Document | undefined) => {
    if (doc) out.push({ collection, id: String(id), bytes: BSON.calculateObjectSize(doc) });
  };
  for (const e of events) {
    const c = e.command;
    const collection = String(c[e.commandName]);
    if (e.commandName === 'insert') for (const d of c.documents as Document[]) add(collection, d._id, d);
    if (e.commandName === 'update')
      for (const u of c.updates as Document[]) add(collection, (u.q as Document)._id, u.u as Document);
    if (e.commandName === 'findAndModify') add(collection, (c.query as Document)._id, c.update as Document);
  }
  return out;
}

const KB = 1024;

/**
 * A review of 2,000 people over MongoDB (FerretDB in the suite) with the driver's command monitoring:
 * the people live in pages of their own, so a card page reads one or two small documents and one
 * decision rewrites one page of 50 and the reviewer's item, never the whole review (it was one ~400 KB
 * document); every query is served by a declared index; the Graph poll is a job of the shared scheduler.
 */
describe('e2e reviews over MongoDB: small documents, indexed queries', function () {
  this.timeout(180_000);
  let db: ReturnType<typeof mongoTestDb>;
  const commands: CommandStartedEvent[] = [];
  let app: Awaited<ReturnType<typeof startReviewApp>>;
  before(async () => {
    db = mongoTestDb('e2e_reviews_storage');
    const store = await connectMongoStore({
      uri: db.uri,
      dbName: db.dbName,
      onCommand: (e) => void commands.push(e),
    });
    app = await startReviewApp({ fixture: largeReviewTenant(), signIn: ['NestorW'], store });
    await app.channel.install('NestorW');
  });
  after(async () => {
    await app?.stop();
    await db?.drop();
  });

  const during = async <T>(fn: () => Promise<T>) => {
    const mark = commands.length;
    const value = await fn();
    return { value, events: commands.slice(mark) };
  };
  const onWorkflows = (events: CommandStartedEvent[]) =>
    events.filter((e) => String(e.command[e.commandName]) === 'workflows');

  it('the poll runs as a job of the shared scheduler, finds the review and sends Nestor its card', async () => {
    const mark = app.channel.recorder.mark();
    await app.wf().discovery.scheduleNow();
    await app.wf().runDue();
    // Nestor reviews Project Falcon too: his card for the generated review is the one looked for.
    const started = await app.channel.waitFor(
      (r) => r.alias === 'NestorW' && /Contractors 2026 - annual review/.test(textOf(r)),
      10_000,
      mark,
    );
    assert.match(textOf(started), /People:\s+2000, 2000 not yet reviewed/);
    assert.ok(
      commands.some((e) => e.commandName === 'findAndModify' && String(e.command.findAndModify) === 'jobs'),
      'the scheduler claimed the poll job',
    );
  });

  it('opens 2,000 people into 40 pages, pages with one or two reads, decides one with two small writes', async () => {
    const { instance } = await app.decisions(LARGE_REVIEW_ID);
    const opened = await during(async () =>
      invokeCard(
        await app.channel.invoke('NestorW', 'review.open', {
          definitionId: LARGE_REVIEW_ID,
          instanceId: instance.id,
        }),
      ),
    );
    const pagesWritten = written(onWorkflows(opened.events)).filter((w) => w.id.includes(':people:'));
    assert.equal(new Set(pagesWritten.map((w) => w.id)).size, Math.ceil(LARGE_REVIEW_PEOPLE / 50));
    const itemId = actionData(opened.value, 'review.page')[0]!.itemId as string;

    const page = await during(async () =>
      invokeCard(await app.channel.invoke('NestorW', 'review.page', { itemId, filter: 'all', page: 101 })),
    );
    assert.match(cardText(page.value), /All: 2000 \(page 101 of 250\)/);
    const reads = onWorkflows(page.events);
    assert.deepEqual(written(reads), [], 'a page read writes nothing');
    assert.ok(reads.length <= 3, `${reads.length} reads: the item and one or two pages`);
    assert.ok(reads.every((e) => e.commandName === 'find' && (e.command.filter as Document)._id));

    const ref = choicesOf(page.value)[3]!;
    const deny = actionData(page.value, 'review.decide').find(
      (d) => d.decision === 'Deny' && (d.decisionIds as string[] | undefined)?.[0] === ref,
    )!;
    const decided = await during(async () =>
      invokeCard(await app.channel.invoke('NestorW', 'review.decide', deny)),
    );
    assert.match(cardText(decided.value), /Recorded 1 decision\b/);
    const writes = written(onWorkflows(decided.events));
    assert.deepEqual([...new Set(writes.map((w) => w.id))].sort(), [itemId, `${itemId}:people:16`]);
    const largest = Math.max(...writes.map((w) => w.bytes));
    assert.ok(largest < 32 * KB, `largest document a decision wrote: ${largest} bytes`);
  });

  it('accepts all in one Graph write; no document of the journey reaches 32 KB; every query is indexed', async () => {
    const { instance } = await app.decisions(LARGE_REVIEW_ID);
    const itemId = `review:${instance.id}:${app.userId('NestorW')}`;
    const mark = app.emulator.requestLog.all().length;
    const card = invokeCard(await app.channel.invoke('NestorW', 'review.acceptAll', { itemId }));
    assert.match(cardText(card), /2000 of 2000 reviewed/);
    const posts = app.emulator.requestLog
      .all()
      .slice(mark)
      .filter((r) => r.api === 'graph' && r.method !== 'GET');
    assert.equal(posts.length, 1, 'acceptRecommendations, once');
    const sizes = written(commands).map((w) => w.bytes);
    assert.ok(Math.max(...sizes) < 32 * KB, `largest document written: ${Math.max(...sizes)} bytes`);
    assert.deepEqual(unservedQueries(commands, INDEXES), []);
  });
});
