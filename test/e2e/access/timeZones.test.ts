import { strict as assert } from 'node:assert';
import { cardOf } from '../../../emulator/teams/cards';
import { formatWhen } from '../../../services/access/formatWhen';
import type { ApprovalItemData } from '../../../services/approvals/model';
import { actionData, invokeCard, startAccessApp, textOf } from './accessApp';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';
const ZONES = { AdeleV: 'Europe/Berlin', MeganB: 'America/Los_Angeles', LeeG: 'Asia/Tokyo' };

describe('e2e access: proactive cards read in each recipient’s own time zone', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  before(async () => {
    app = await startAccessApp({ channel: { timeZones: ZONES } });
    for (const alias of Object.keys(ZONES)) await app.t.channel.install(alias);
  });
  after(async () => {
    await app.stop();
  });

  it("Megan's and Lee's approval cards, and Adele's outcome, each in the zone their Teams client sent", async () => {
    const { channel } = app.t;
    // Each user's last activity carries their zone (Teams' clientInfo); the bot keeps it for later cards.
    for (const alias of Object.keys(ZONES)) await channel.send(alias, 'help');
    let mark = channel.recorder.mark();
    const form = invokeCard(await channel.invoke('AdeleV', 'access.open', { packageId: COVID }));
    const submit = { ...actionData(form, 'access.submit')[0]!, justification: 'Joining the response' };
    await channel.invoke('AdeleV', 'access.submit', submit);
    const megan = await channel.waitFor(
      (r) => r.alias === 'MeganB' && /asks for/.test(textOf(r)),
      10_000,
      mark,
    );
    const lee = await channel.waitFor((r) => r.alias === 'LeeG' && /asks for/.test(textOf(r)), 10_000, mark);

    const [item] = await app.store.workflows.find({ kind: 'accessRequest' });
    const decideBy = (item!.data as ApprovalItemData).approval.stages[0]!.decideBy!;
    const now = app.clock.now();
    const inZone = (alias: keyof typeof ZONES, iso: string) =>
      formatWhen(iso, { timeZone: ZONES[alias], locale: 'en-US', now });
    assert.notEqual(inZone('MeganB', decideBy), inZone('LeeG', decideBy), 'the zones differ on the clock');
    assert.ok(textOf(megan).includes(inZone('MeganB', decideBy)), textOf(megan));
    assert.ok(textOf(lee).includes(inZone('LeeG', decideBy)), textOf(lee));
    assert.doesNotMatch(textOf(megan), /UTC/);

    mark = channel.recorder.mark();
    const decide = actionData(cardOf(megan), 'approval.decide').find((d) => d.decision === 'approve')!;
    await channel.invoke(
      'MeganB',
      'approval.decide',
      { ...decide, reason: 'ok' },
      { replyToId: megan.activityId },
    );
    const told = await channel.waitFor(
      (r) => r.alias === 'AdeleV' && /was approved/.test(textOf(r)),
      10_000,
      mark,
    );
    const decided = (await app.store.workflows.get(item!.id))!.data as ApprovalItemData;
    const at = decided.approval.stages[0]!.decision!.at;
    assert.ok(textOf(told).includes(inZone('AdeleV', at)), textOf(told));
    const leesCopy = await channel.waitFor((r) => r.alias === 'LeeG' && r.op === 'update', 10_000, mark);
    assert.ok(textOf(leesCopy).includes(inZone('LeeG', at)), textOf(leesCopy));
  });
});
