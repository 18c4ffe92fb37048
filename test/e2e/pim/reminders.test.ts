import { strict as assert } from 'node:assert';
import { completeSignInPage } from '../../support/signIn';
import { approvalKeys } from '../../../services/approvals/keys';
import { PimJob } from '../../../services/pim/model';
import { startPimApp } from './pimApp';
import {
  activate,
  actionData,
  cardOf,
  cardText,
  graphState,
  invokeCard,
  nextSignInLink,
  ROLE,
  verifyState,
} from './pimCards';
import { HOUR, isReminder, MINUTE, pimTimers } from './pimTimers';

describe('e2e PIM: approvers reminded until someone decides; the requester told when it expires', () => {
  let app: Awaited<ReturnType<typeof startPimApp>>;
  before(async () => {
    // Reminders after 1 and 5 hours: the second proves the setting is read (the default is 1,4).
    app = await startPimApp({ env: { PIM_APPROVAL_REMINDER_HOURS: '5,1' } });
    for (const alias of ['IsaiahL', 'MiriamG', 'PattiF', 'JohannaL']) await app.channel.install(alias);
  });
  after(() => app?.stop());

  const { remindersTo, advance, runTimers } = pimTimers(() => app);

  it('Miriam, who has not decided, is reminded after 1 h and 5 h; at 24 h Isaiah is told it expired', async () => {
    const { channel, emulator } = app;
    const mark = channel.recorder.mark();
    const card = await activate(channel, 'IsaiahL', ROLE.security, {
      duration: 'PT1H',
      justification: 'Investigate the phishing alert',
      ticketNumber: 'INC-5150',
    });
    assert.match(cardText(card), /Waiting for approval/);
    const request = await channel.waitFor((r) => r.alias === 'MiriamG' && !!r.activity, 5000, mark);
    await advance(59 * MINUTE);
    await runTimers();
    assert.equal(remindersTo('MiriamG', mark).length, 0, 'no reminder before the hour');

    await advance(2 * MINUTE);
    const first = await channel.waitFor((r) => r.alias === 'MiriamG' && isReminder(r), 5000, mark);
    assert.notEqual(first.activityId, request.activityId, 'a new message, which Teams alerts her to');
    assert.match(cardText(cardOf(first)), /Isaiah Langer asks for Security Administrator/);
    assert.match(cardText(cardOf(first)), /INC-5150/);
    assert.ok(actionData(cardOf(first), 'approval.decide').length > 0, 'she can decide from it');
    assert.equal(remindersTo('IsaiahL', mark).length, 0, 'the requester is no approver of his own');

    await advance(3 * HOUR); // 4 h 01: the default's second reminder, not this setting's
    await runTimers();
    assert.equal(remindersTo('MiriamG', mark).length, 1);
    await advance(HOUR);
    await channel.waitFor((r) => r.alias === 'MiriamG' && isReminder(r), 5000, first.seq);
    assert.equal(remindersTo('MiriamG', mark).length, 2);

    const beforeExpiry = channel.recorder.mark();
    await advance(19 * HOUR); // 24 h 01: Entra denies it, nobody having decided
    const told = await channel.waitFor(
      (r) => r.alias === 'IsaiahL' && r.op !== 'update' && /Expired/.test(cardText(cardOf(r))),
      5000,
      beforeExpiry,
    );
    const text = cardText(cardOf(told));
    assert.match(text, /Security Administrator/);
    assert.match(text, /Expired: nobody approved in time/);
    assert.match(
      text,
      /Nobody approved it within the 24 hours .* so Security Administrator was not activated/,
    );
    const isaiah = channel.user('IsaiahL').aadObjectId;
    const graph = await graphState(emulator, isaiah, ROLE.security);
    assert.equal(graph.active.length, 0);
    assert.deepEqual(
      graph.requests.map((r) => r.status),
      ['Denied'],
      'Graph denied it too',
    );
    const miriamNow = await channel.waitFor(
      (r) =>
        r.alias === 'MiriamG' &&
        r.op === 'update' &&
        r.activityId === first.activityId &&
        /Nobody decided in time/.test(cardText(cardOf(r))),
      5000,
      beforeExpiry,
    );
    assert.equal(actionData(cardOf(miriamNow), 'approval.decide').length, 0, 'her reminder no longer asks');

    const [again] = actionData(cardOf(told), 'pim.open');
    assert.ok(again, 'Ask again');
    const form = invokeCard(
      await channel.invoke('IsaiahL', 'pim.open', again, { replyToId: told.activityId }),
    );
    assert.match(cardText(form), /Activate Security Administrator/);

    await advance(24 * HOUR);
    await runTimers();
    assert.equal(remindersTo('MiriamG', mark).length, 2, 'nothing after the expiry');
    app.checkSentCards();
  });

  it('Johanna’s Global Administrator: Patti and Miriam reminded; Patti approves from hers; no one after', async () => {
    const { channel, emulator } = app;
    let mark = channel.recorder.mark();
    const held = await activate(channel, 'JohannaL', ROLE.global, {
      duration: 'PT1H',
      justification: 'Renew the tenant certificate',
      ticketNumber: 'CHG-7',
    });
    assert.match(cardText(held), /sign in with MFA/);
    const { code } = await completeSignInPage(await nextSignInLink(channel, 'JohannaL', mark));
    mark = channel.recorder.mark();
    await verifyState(channel, 'JohannaL', code);
    await channel.waitFor((r) => r.alias === 'PattiF' && !!r.activity, 5000, mark);
    await channel.waitFor((r) => r.alias === 'MiriamG' && !!r.activity, 5000, mark);

    await advance(HOUR + MINUTE);
    const patti = await channel.waitFor((r) => r.alias === 'PattiF' && isReminder(r), 5000, mark);
    const miriam = await channel.waitFor((r) => r.alias === 'MiriamG' && isReminder(r), 5000, mark);
    assert.match(cardText(cardOf(patti)), /Johanna Lorenz asks for Global Administrator/);

    const [decide] = actionData(cardOf(patti), 'approval.decide');
    const answer = invokeCard(
      await channel.invoke(
        'PattiF',
        'approval.decide',
        { ...decide, decision: 'approve', reason: 'Planned change' },
        { replyToId: patti.activityId },
      ),
    );
    assert.match(cardText(answer), /Approved/i);
    await app.wf().outbox.settled();
    const miriamNow = await channel.waitFor(
      (r) => r.op === 'update' && r.activityId === miriam.activityId && /Patti/.test(cardText(cardOf(r))),
      5000,
      mark,
    );
    assert.equal(actionData(cardOf(miriamNow), 'approval.decide').length, 0, 'Miriam’s reminder updates');
    const johanna = channel.user('JohannaL').aadObjectId;
    assert.equal((await graphState(emulator, johanna, ROLE.global)).active.length, 1);
    const itemId = String(actionData(held, 'pim.status')[0]?.itemId);
    const second = await app.store.jobs.get(`${approvalKeys.timersOfStage(itemId, 0)}${PimJob.remind}:2`);
    assert.ok(second?.doneAt && second.doneAt < second.runAt, 'the decision cancelled the 5 h reminder');

    await advance(5 * HOUR);
    await runTimers();
    assert.equal(remindersTo('PattiF', mark).length, 1, 'Patti decided: no second reminder');
    assert.equal(remindersTo('MiriamG', mark).length, 1, 'decided by Patti: Miriam is not asked again');
    app.checkSentCards();
  });
});
