import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import { actionData, invokeCard, startAccessApp, statusMatching, textOf } from './accessApp';

const COVID = '46cc8ae5-eb71-5420-a089-2738882cfd8a';
const FALCON = 'f643b9af-c285-51d7-bb12-b8ea780faf9f';
const SALES = 'd43818e7-814d-5823-b9d0-8c579b9fc04e';
const WORKSTREAM = 'bcb40b33-25b6-5ca8-890c-3654c6726269';

/** Every input of a card, wherever it sits. */
function inputs(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.')) out.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe('e2e access: lists stay, forms say what they want, the server checks the same', () => {
  let app: Awaited<ReturnType<typeof startAccessApp>>;
  const channel = () => app.t.channel;
  beforeEach(async () => {
    app = await startAccessApp();
    for (const alias of ['AlexW', 'MeganB', 'LeeG', 'MiriamG', 'SamT', 'LynneR'])
      await channel().install(alias);
  });
  afterEach(async () => {
    app.checkSentCards();
    await app.stop();
  });

  async function say(alias: string, text: string) {
    const mark = channel().recorder.mark();
    await channel().send(alias, text);
    return channel().waitFor((r) => r.alias === alias, 10_000, mark);
  }

  it('catalog → form → Back returns to the list; every input with a rule explains it; one "(required)" marker', async () => {
    const catalog = cardOf(await say('AlexW', 'request access'));
    const open = actionData(catalog, 'access.open').find((d) => d.packageId === FALCON)!;
    const form = invokeCard(await channel().invoke('AlexW', 'access.open', open));
    assert.match(cardText(form), /Project Falcon/);
    for (const input of inputs(form)) {
      const ruled = ['isRequired', 'min', 'max', 'regex'].some(
        (k) => input[k] !== undefined && input[k] !== false,
      );
      if (ruled) assert.ok(input.errorMessage, `${String(input.id)} has a rule but no errorMessage`);
      assert.doesNotMatch(String(input.label ?? ''), /\(required\)/, 'Teams adds its own "*"');
    }
    const end = inputs(form).find((i) => i.id === 'endDate')!;
    assert.match(String(end.label), /^End \(optional, \w{3} \d{1,2} \w{3}( \d{4})? at the latest\)$/);
    assert.match(String(end.errorMessage), /^Choose a day from \w{3} \d{1,2} \w{3}.* to \w{3} \d{1,2} \w{3}/);
    const justification = inputs(form).find((i) => i.id === 'justification')!;
    assert.equal(justification.maxLength, 1000);
    assert.match(String(justification.label), /Up to 1,000 characters/);
    assert.doesNotMatch(cardText(form), /\d{4}-\d{2}-\d{2}/, 'one date format: no ISO dates on the card');

    const back = actionData(form, 'access.browse')[0]!;
    const again = invokeCard(await channel().invoke('AlexW', 'access.browse', back));
    assert.match(cardText(again), /Access packages you can request/);
    assert.deepEqual(
      actionData(again, 'access.open').map((d) => d.packageId),
      actionData(catalog, 'access.open').map((d) => d.packageId),
    );
  });

  it('the server refuses what the card would: an end date past the limit, a justification too long', async () => {
    const form = invokeCard(await channel().invoke('AlexW', 'access.open', { packageId: FALCON }));
    const submit = actionData(form, 'access.submit')[0]!;
    const end = inputs(form).find((i) => i.id === 'endDate')!;
    const pastMax = new Date(Date.parse(String(end.max)) + 2 * 86_400_000).toISOString().slice(0, 10);
    const answer = { [`answer_${WORKSTREAM}`]: 'Field trials' };
    const tooLate = invokeCard(
      await channel().invoke('AlexW', 'access.submit', {
        ...submit,
        ...answer,
        justification: 'Trials',
        endDate: pastMax,
      }),
    );
    assert.match(
      cardText(tooLate),
      /Please fix: This policy allows access until \w{3} \d{1,2} \w{3}.* at the latest/,
    );
    const tooLong = invokeCard(
      await channel().invoke('AlexW', 'access.submit', {
        ...submit,
        ...answer,
        justification: 'word '.repeat(201),
      }),
    );
    assert.match(cardText(tooLong), /The justification is 1004 characters long; 1000 at most/);
    assert.equal((await app.store.workflows.find({ kind: 'accessRequest' })).length, 0, 'nothing requested');
    const ok = invokeCard(
      await channel().invoke('AlexW', 'access.submit', {
        ...submit,
        ...answer,
        justification: 'Trials',
        endDate: end.max,
      }),
    );
    assert.match(cardText(ok), /Submitted|Waiting for approval/);
  });

  it('the catalog marks what Miriam has: "You have this" with Extend, not Request', async () => {
    const catalog = cardOf(await say('MiriamG', 'request access'));
    assert.match(cardText(catalog), /Sales Toolkit.*You have this \(ends /s);
    assert.ok(!actionData(catalog, 'access.open').some((d) => d.packageId === SALES), 'no Request for it');
    const extend = actionData(catalog, 'access.extendForm');
    assert.equal(extend.length, 1);
    const form = invokeCard(await channel().invoke('MiriamG', 'access.extendForm', extend[0]));
    assert.match(cardText(form), /Extend Sales Toolkit/);
  });

  it('Extend when the policy needs a justification: a form, the server asks again, then the request', async () => {
    const mark = channel().recorder.mark();
    const list = await say('SamT', 'my access');
    const open = actionData(cardOf(list), 'access.extendForm')[0]!;
    const form = invokeCard(
      await channel().invoke('SamT', 'access.extendForm', open, { replyToId: list.activityId }),
    );
    assert.match(cardText(form), /Extend COVID-19 Response Team/);
    const why = inputs(form).find((i) => i.id === 'justification')!;
    assert.equal(why.isRequired, true);
    assert.ok(why.errorMessage);
    assert.match(
      cardText(
        invokeCard(await channel().invoke('SamT', 'access.myAccess', actionData(form, 'access.myAccess')[0])),
      ),
      /Your access/,
      'Back to my access',
    );

    const submit = actionData(form, 'access.extend')[0]!;
    const refused = invokeCard(
      await channel().invoke('SamT', 'access.extend', submit, { replyToId: list.activityId }),
    );
    assert.match(cardText(refused), /Please fix: A justification is required/);
    assert.doesNotMatch(cardText(refused), /That didn't work/);
    const status = invokeCard(
      await channel().invoke(
        'SamT',
        'access.extend',
        { ...submit, justification: 'Still on the response team' },
        { replyToId: list.activityId },
      ),
    );
    assert.match(cardText(status), /Extension/);
    assert.ok(
      channel()
        .recorder.all()
        .some((r) => r.seq > mark),
      'the turn completed',
    );
  });

  it('my requests → Cancel asks first, then the list stays with the row canceled; no "Access lasts" on it', async () => {
    const form = invokeCard(await channel().invoke('LynneR', 'access.open', { packageId: COVID }));
    const submit = actionData(form, 'access.submit')[0]!;
    const status = invokeCard(
      await channel().invoke('LynneR', 'access.submit', { ...submit, justification: 'Audit' }),
    );
    await statusMatching(channel(), 'LynneR', status, /Waiting for approval/);
    const list = cardOf(await say('LynneR', 'my requests'));
    // The Cancel button only opens the question: the click that cancels is inside it.
    assert.match(JSON.stringify(list), /"type":"Action.ShowCard","title":"Cancel"/);
    const yes = actionData(list, 'access.cancel')[0]!;
    assert.equal(yes.confirmed, true);
    const unconfirmed = invokeCard(await channel().invoke('LynneR', 'access.cancel', { itemId: yes.itemId }));
    assert.match(
      cardText(unconfirmed),
      /Waiting for approval/,
      'without the confirmation nothing is canceled',
    );

    const after = invokeCard(await channel().invoke('LynneR', 'access.cancel', yes));
    assert.match(cardText(after), /Your requests/);
    assert.match(cardText(after), /Your request for COVID-19 Response Team is canceled\./);
    assert.match(cardText(after), /COVID-19 Response Team\nCanceled · requested/);
    const canceled = invokeCard(await channel().invoke('LynneR', 'access.status', { itemId: yes.itemId }));
    assert.match(cardText(canceled), /Canceled/);
    assert.match(cardText(canceled), /You canceled it/);
    assert.doesNotMatch(cardText(canceled), /Access lasts/);
  });

  it('no Graph words reach people: a delivered request reads "You have the access"', async () => {
    const form = invokeCard(await channel().invoke('LynneR', 'access.open', { packageId: SALES }));
    const submit = actionData(form, 'access.submit')[0]!;
    const status = invokeCard(await channel().invoke('LynneR', 'access.submit', submit));
    await statusMatching(channel(), 'LynneR', status, /Done: you have the access/);
    const list = textOf(await say('LynneR', 'my requests'));
    assert.match(list, /Sales Toolkit\nYou have the access/);
    assert.doesNotMatch(list, /Delivered|delivered|PendingApproval|Status in Microsoft Entra/);
  });
});
