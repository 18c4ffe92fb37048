import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../../emulator/teams/cards';
import type { Recorded } from '../../../emulator/teams/channel';
import { loadDemoFixture } from '../../../emulator';
import { coreFixture } from '../../../emulator/tenant/fixture';
import { actionData, invokeCard, textOf } from '../access/accessApp';
import { startDigestApp } from './digestApp';
import { csvRows, fetchText, openUrls, sectionText } from './digestSupport';

const isDigest = (r: Recorded) => r.op !== 'update' && /Weekly audit digest/.test(textOf(r));

describe('e2e digest: the weekly digest of the demo tenant, two weeks running', () => {
  const fixture = loadDemoFixture();
  let app: Awaited<ReturnType<typeof startDigestApp>>;
  let week1: { isaiah: Recorded; patti: Recorded };
  before(async () => {
    // A Wednesday; the default schedule is Monday 08:00 UTC.
    app = await startDigestApp({ fixture });
    for (const alias of ['IsaiahL', 'AdeleV']) await app.channel.install(alias);
  });
  after(async () => {
    await app.stop();
  });

  async function weekRunsAt(iso: string) {
    const mark = app.channel.recorder.mark();
    app.clock.set(new Date(iso));
    const isaiah = await app.channel.waitFor((r) => r.alias === 'IsaiahL' && isDigest(r), 20_000, mark);
    // Patti never opened the bot: it installs itself for her, then the retry (on the app's clock) sends.
    let patti: Recorded | undefined;
    for (let i = 0; i < 100 && !patti; i++) {
      app.clock.advance(1_000);
      patti = app.channel
        .sentTo('PattiF')
        .filter((r) => r.seq > mark)
        .find(isDigest);
      if (!patti) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(patti, 'Patti got the digest');
    return { isaiah, patti };
  }

  it('is sent on Monday 08:00 to Isaiah and Patti, 1:1, once each', async () => {
    week1 = await weekRunsAt('2026-11-30T08:00:00Z');
    await new Promise((r) => setTimeout(r, 300));
    for (const alias of ['IsaiahL', 'PattiF'])
      assert.equal(app.channel.sentTo(alias).filter(isDigest).length, 1, `${alias} got one digest`);
    for (const alias of ['AdeleV', 'GradyA', 'AlexW'])
      assert.equal(app.channel.sentTo(alias).filter(isDigest).length, 0, `${alias} got none`);
  });

  it('flags mail leaving the tenant, lists delegates and unaudited mailboxes, reads the score trend', () => {
    const card = week1.isaiah;
    const rules = sectionText(card, 'Inbox rules sending mail outside');
    assert.match(rules, /^Inbox rules sending mail outside: 1/);
    assert.match(rules, /Grady Archie[\s\S]*Send everything home[\s\S]*grady\.archie\.home@outlook\.com/);
    assert.doesNotMatch(rules, /Johanna/, "Johanna's redirect to Lee stays inside: not flagged");
    assert.match(
      rules,
      /Listed apart, not counted:\s*Diego Siciliani[\s\S]*\(disabled\) forwards as attachment to diego\.s@gmail\.com/,
    );
    assert.match(
      sectionText(card, 'SMTP forwarding outside'),
      /: 1[\s\S]*Henrietta Mueller[\s\S]*henrietta\.m@protonmail\.com/,
    );
    const delegates = sectionText(card, 'Mailbox delegates');
    assert.match(delegates, /^Mailbox delegates: 4/);
    assert.match(delegates, /JoniS@contoso\.com\s*: FullAccess on Patti Fernandez/);
    assert.match(delegates, /JoniS@contoso\.com\s*: SendAs on Megan Bowen/);
    assert.match(delegates, /AlexW@contoso\.com\s*: FullAccess on Isaiah Langer/);
    assert.match(delegates, /AlexW@contoso\.com\s*: SendAs on Isaiah Langer/);
    const auditing = sectionText(card, 'Mailboxes without auditing');
    assert.match(auditing, /^Mailboxes without auditing: 2/);
    assert.match(auditing, /Pradeep Gupta/);
    assert.match(auditing, /Sam Taylor/);
    assert.match(textOf(card), /Trend: 371 → 412\.5 of 857 over 8 weeks \(\+41\.5\)/);
    const governance = sectionText(card, 'Governance');
    assert.match(
      governance,
      /IsaiahL@contoso\.com\s*: Activated Global Administrator: Break-glass: conditional access lockout \(ticket INC-20411\)/,
    );
    assert.match(
      governance,
      /AlexW@contoso\.com\s*: Activated Helpdesk Administrator: Password resets for new hires \(no ticket\)/,
    );
    assert.match(textOf(card), /first digest: nothing to compare with/);
    const chart = JSON.stringify(cardOf(card)).match(
      /"url":"(data:image\/png;base64,[^"]+)","altText":"([^"]+)"/,
    );
    assert.ok(chart, 'a chart image on the card');
    assert.equal(Buffer.from(chart[1]!.split(',')[1]!, 'base64').subarray(1, 4).toString(), 'PNG');
    assert.match(
      chart[2]!,
      /Secure Score by week: 371, 374.5, 380, 380, 392.5, 401, 405.5, 412.5\. Findings by section: .*Inbox rules sending mail outside 1/,
    );
    assert.equal(textOf(week1.patti), textOf(card), 'Patti reads the same digest');
  });

  it('serves the CSV of each section to its recipient, checked cell by cell', async () => {
    const links = openUrls(cardOf(week1.isaiah));
    const rulesUrl = links.filter((l) => l.title === 'Download CSV')[1]!.url;
    const rules = await fetchText(rulesUrl);
    assert.equal(rules.status, 200);
    assert.match(rules.type, /^text\/csv/);
    assert.deepEqual(csvRows(rules.body), [
      [
        'Section',
        'Status',
        'Flagged',
        'Mailbox',
        'Display name',
        'Rule',
        'Enabled',
        'Action',
        'External recipients',
      ],
      [
        'Inbox rules sending mail outside',
        '',
        'no (listed)',
        'DiegoS@contoso.com',
        'Diego Siciliani',
        'Old forward (disabled)',
        'no',
        'forward as attachment',
        'diego.s@gmail.com',
      ],
      [
        'Inbox rules sending mail outside',
        '',
        'yes',
        'GradyA@contoso.com',
        'Grady Archie',
        'Send everything home',
        'yes',
        'forward',
        'grady.archie.home@outlook.com',
      ],
    ]);
    const auditUrl = links.filter((l) => l.title === 'Download CSV')[4]!.url;
    assert.deepEqual(csvRows((await fetchText(auditUrl)).body), [
      ['Section', 'Status', 'Flagged', 'Mailbox', 'Display name', 'Mailbox type'],
      ['Mailboxes without auditing', '', 'yes', 'PradeepG@contoso.com', 'Pradeep Gupta', 'UserMailbox'],
      [
        'Mailboxes without auditing',
        '',
        'yes',
        'sam.taylor@fabrikam.com',
        'Sam Taylor (Fabrikam)',
        'UserMailbox',
      ],
    ]);
    const all = csvRows(
      (await fetchText(links.find((l) => l.title === 'Download everything (CSV)')!.url)).body,
    );
    const sections = all.slice(1).map((r) => r[0]);
    assert.deepEqual(
      [...new Set(sections)],
      [
        'Open Secure Score controls',
        'Inbox rules sending mail outside',
        'SMTP forwarding outside',
        'Mailbox delegates',
        'Mailboxes without auditing',
        'Governance',
      ],
    );
    const smtp = all.find((r) => r[0] === 'SMTP forwarding outside')!;
    const header = all[0]!;
    assert.equal(smtp[header.indexOf('Forwarding address')], 'henrietta.m@protonmail.com');
    assert.equal(smtp[header.indexOf('Keeps a copy')], 'yes');
    // Patti's links are her own: Isaiah's link says Isaiah.
    assert.notEqual(openUrls(cardOf(week1.patti))[0]!.url, links[0]!.url);
  });

  it('refuses Adele: she cannot ask for the digest, open its links, or act from it', async () => {
    const mark = app.channel.recorder.mark();
    await app.channel.send('AdeleV', 'digest now');
    const refusal = await app.channel.waitFor((r) => r.alias === 'AdeleV', 5_000, mark);
    assert.match(textOf(refusal), /goes to its recipients only/);
    const isaiahsLink = openUrls(cardOf(week1.isaiah))[0]!.url;
    const adeleId = app.channel.user('AdeleV').aadObjectId;
    const isaiahId = app.channel.user('IsaiahL').aadObjectId;
    const forged = isaiahsLink
      .replace(encodeURIComponent(isaiahId), encodeURIComponent(adeleId))
      .replace(isaiahId, adeleId);
    assert.notEqual(forged, isaiahsLink);
    assert.equal((await fetchText(forged)).status, 403, 'a link rewritten for Adele fails its signature');
    const unsigned = isaiahsLink.replace(/s=[^&]+/, 's=AAAA');
    assert.equal((await fetchText(unsigned)).status, 403);
    const enable = actionData(cardOf(week1.isaiah), 'digest.enableAuditing')[0]!;
    const answer = invokeCard(await app.channel.invoke('AdeleV', 'digest.enableAuditing', enable));
    assert.match(cardText(answer), /recipients only/);
    const refresh = invokeCard(await app.channel.invoke('AdeleV', 'digest.refresh', { runId: enable.runId }));
    assert.match(cardText(refresh), /recipients only/);
    assert.deepEqual(await app.store().audit.list({ types: ['digest.auditingEnabled'] }), []);
  });

  it('a link stops opening after an hour; Refresh links signs new ones', async () => {
    const link = openUrls(cardOf(week1.isaiah))[0]!.url;
    app.clock.advance(61 * 60_000);
    const expired = await fetchText(link);
    assert.equal(expired.status, 410);
    assert.match(expired.body, /Refresh links/);
    const runId = String(actionData(cardOf(week1.isaiah), 'digest.refresh')[0]!.runId);
    const fresh = invokeCard(await app.channel.invoke('IsaiahL', 'digest.refresh', { runId }));
    assert.equal((await fetchText(openUrls(fresh)[0]!.url)).status, 200);
  });

  it('Enable auditing for Pradeep: confirmed, run app-only, audited, and the result is on the card', async () => {
    const { emulator, channel } = app;
    const pradeep = actionData(cardOf(week1.isaiah), 'digest.enableAuditing').find((d) =>
      String(d.key).includes(channel.user('PradeepG').aadObjectId),
    )!;
    assert.ok(pradeep, 'the confirmation carries the Enable auditing action');
    emulator.requestLog.clear();
    const mark = channel.recorder.mark();
    const after = invokeCard(await channel.invoke('IsaiahL', 'digest.enableAuditing', pradeep));
    assert.match(
      sectionText(after, 'Mailboxes without auditing'),
      /Pradeep Gupta[\s\S]*Auditing turned on by Isaiah Langer/,
    );
    const calls = emulator.requestLog.find({ path: /InvokeCommand$/ });
    assert.equal(calls.length, 1, 'one Set-Mailbox');
    assert.equal(calls[0]!.appId, emulator.clientId, 'as the app');
    const audited = await app.store().audit.list({ types: ['digest.auditingEnabled'] });
    assert.equal(audited.length, 1);
    assert.equal(audited[0]!.actorId, channel.user('IsaiahL').aadObjectId);
    assert.match(audited[0]!.summary, /PradeepG@contoso\.com/);
    // Patti's card is updated in place with the result.
    const update = await channel.waitFor((r) => r.alias === 'PattiF' && r.op === 'update', 10_000, mark);
    assert.match(textOf(update), /Auditing turned on by Isaiah Langer/);
  });

  it('the second week shows what is new, fixed and still open', async () => {
    const mail = coreFixture(fixture).mailboxes!;
    mail.inboxRules.push({
      alias: 'MeganB',
      displayName: 'To my Gmail',
      isEnabled: true,
      actions: { redirectTo: ['megan.b@gmail.com'] },
    });
    mail.smtpForwarding.splice(0, mail.smtpForwarding.length);
    const week2 = await weekRunsAt('2026-12-07T08:00:00Z');
    const rules = sectionText(week2.isaiah, 'Inbox rules sending mail outside');
    assert.match(rules, /: 2\s*\+1 since last week · New 1 · Fixed 0 · Still open 1/);
    assert.match(rules, /NEW\s*Megan Bowen[\s\S]*redirects to megan\.b@gmail\.com/);
    assert.match(rules, /STILL OPEN\s*Grady Archie/);
    const smtp = sectionText(week2.isaiah, 'SMTP forwarding outside');
    assert.match(smtp, /: 0\s*-1 since last week · New 0 · Fixed 1 · Still open 0/);
    assert.match(smtp, /Fixed since last week:\s*Henrietta Mueller/);
    const auditing = sectionText(week2.isaiah, 'Mailboxes without auditing');
    assert.match(auditing, /: 1\s*-1 since last week · New 0 · Fixed 1 · Still open 1/);
    assert.match(auditing, /STILL OPEN\s*Sam Taylor/);
    assert.match(auditing, /Fixed since last week:\s*Pradeep Gupta/);
  });
});
