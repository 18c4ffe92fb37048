import { strict as assert } from 'node:assert';
import { loadDemoFixture } from '../../../emulator/graph/emulatorOptions';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { actionData, invokeCard, startAccessApp } from './accessApp';

const FALCON_POLICY = '633d8c65-ba29-5dd7-bec9-7b2ed85c5d4d'; // "extension": { "enabled": false }
const SALES_POLICY = '21cd7868-13f8-520e-adae-d028aca71397'; // extension enabled, no approval

/**
 * Found clicking through the Agents Playground: `my access` offered Extend on Project Falcon, whose
 * policy does not let users extend (requestorSettings.enableTargetsToSelfUpdateAccess false; Graph's
 * accessPackageAssignmentRequestorSettings), so the form ended in "Not possible" after it was filled.
 */
describe('e2e access: Extend is offered only where the policy lets the user extend', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  const channel = () => app.t.channel;
  before(async () => {
    const fixture = loadDemoFixture() as unknown as { existingAssignments: Record<string, unknown>[] };
    fixture.existingAssignments.push(
      {
        accessPackage: 'Project Falcon',
        alias: 'AdeleV',
        policy: FALCON_POLICY,
        grantedDaysAgo: 10,
        expiresInDays: 170,
      },
      {
        accessPackage: 'Sales Toolkit',
        alias: 'AdeleV',
        policy: SALES_POLICY,
        grantedDaysAgo: 10,
        expiresInDays: 80,
      },
    );
    app = await startAccessApp({ fixture: fixture as never });
    await channel().install('AdeleV');
  });
  after(async () => {
    app.checkSentCards();
    await app.stop();
  });

  async function say(text: string) {
    const mark = channel().recorder.mark();
    await channel().send('AdeleV', text);
    return cardOf(await channel().waitFor((r) => r.alias === 'AdeleV', 10_000, mark));
  }

  /** The assignment ids of the Extend buttons of a card. */
  const extendIds = (card: unknown) =>
    actionData(card, 'access.extendForm').map((d) => String(d.assignmentId));

  it('my access: Extend for Sales Toolkit only; Project Falcon says its policy does not allow it', async () => {
    const list = await say('my access');
    const shown = cardText(list);
    assert.match(shown, /Project Falcon.*Its policy does not allow extending it\./s);
    assert.match(shown, /Sales Toolkit\nEnds [^\n]*\)\nExtend\n/, 'Sales Toolkit: its end date, then Extend');
    assert.equal(extendIds(list).length, 1, 'one Extend: Sales Toolkit');
    const form = invokeCard(
      await channel().invoke('AdeleV', 'access.extendForm', { assignmentId: extendIds(list)[0]! }),
    );
    assert.match(cardText(form), /Extend Sales Toolkit/);
  });

  it('the catalog marks Project Falcon "You have this" with no Extend and no Request', async () => {
    const catalog = await say('request access');
    assert.match(cardText(catalog), /Project Falcon.*You have this \(ends /s);
    assert.equal(extendIds(catalog).length, 1, 'only Sales Toolkit can be extended');
  });
});
