import { strict as assert } from 'node:assert';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { ManualClock } from '../../../services/clock';
import { appCredential, graphClient, oboCredential, useEmulator } from '../../support/emulator';

describe('emulator: mail, security and audit modules', () => {
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const { emu } = useEmulator({ clock });
  const app = () => graphClient(emu(), appCredential(emu()));
  const idOf = (alias: string) => emu().directory.userByAlias(alias)!.id;

  it('lists inbox rules with forwarding recipients; guests have no mailbox', async () => {
    const rules = await app()
      .api(`/users/${idOf('GradyA')}/mailFolders/inbox/messageRules`)
      .get();
    assert.equal(rules.value.length, 1);
    assert.deepEqual(rules.value[0].actions.forwardTo, [
      { emailAddress: { name: 'grady.archie.home@outlook.com', address: 'grady.archie.home@outlook.com' } },
    ]);
    assert.equal(rules.value[0].isEnabled, true);
    const none = await app()
      .api(`/users/${idOf('PattiF')}/mailFolders/inbox/messageRules`)
      .get();
    assert.deepEqual(none.value, []);
    await assert.rejects(
      app()
        .api(`/users/${idOf('SamT')}/mailFolders/inbox/messageRules`)
        .get(),
      (e: GraphError) => e.statusCode === 404,
    );
  });

  it('reads mailbox settings with userPurpose', async () => {
    const settings = await app()
      .api(`/users/${idOf('MeganB')}/mailboxSettings`)
      .get();
    assert.equal(settings.userPurpose, 'user');
    assert.equal(settings.automaticRepliesSetting.status, 'disabled');
  });

  it('returns weekly Secure Scores newest first, honouring $top', async () => {
    const all = await app().api('/security/secureScores').get();
    assert.deepEqual(
      all.value.map((s: { currentScore: number }) => s.currentScore),
      [412.5, 405.5, 401, 392.5, 380, 380, 374.5, 371],
    );
    assert.equal(all.value[0].createdDateTime, '2026-03-02T00:00:00.000Z');
    assert.equal(all.value[1].createdDateTime, '2026-02-23T00:00:00.000Z');
    const top = await app().api('/security/secureScores').top(1).get();
    assert.equal(top.value.length, 1);
    assert.equal(top.value[0].maxScore, 857);
    assert.ok(
      top.value[0].controlScores.some(
        (c: { controlName: string }) => c.controlName === 'mailboxAuditingEnabled',
      ),
    );
    const profiles = await app().api('/security/secureScoreControlProfiles').get();
    assert.equal(profiles.value.length, 5);
  });

  it('seeds directory audits with PIM activations dated from the clock, and records appended events', async () => {
    const audits = await app().api('/auditLogs/directoryAudits').filter("category eq 'RoleManagement'").get();
    assert.equal(audits.value.length, 2);
    assert.equal(audits.value[0].activityDateTime, '2026-02-28T09:00:00.000Z');
    assert.equal(audits.value[0].targetResources[0].displayName, 'Global Administrator');
    emu().auditLog.append({
      category: 'EntitlementManagement',
      activityDisplayName: 'Approve access package assignment request',
    });
    const since = await app()
      .api('/auditLogs/directoryAudits')
      .filter('activityDateTime ge 2026-03-01T00:00:00Z')
      .get();
    assert.deepEqual(
      since.value.map((a: { activityDisplayName: string }) => a.activityDisplayName),
      ['Approve access package assignment request'],
    );
  });

  it('moves relative times with the clock (sign-ins, last sign-in)', async () => {
    const before = await app()
      .api('/auditLogs/signIns')
      .filter(`userId eq '${idOf('DiegoS')}'`)
      .get();
    assert.equal(before.value[0].createdDateTime, '2025-11-02T09:00:00.000Z');
    clock.advance(86_400_000);
    const after = await app()
      .api(`/users/${idOf('DiegoS')}`)
      .select(['signInActivity'])
      .get();
    assert.equal(after.signInActivity.lastSignInDateTime, '2025-11-03T09:00:00.000Z');
  });

  it('refuses delegated callers: Gatekeeper users have not consented to MailboxSettings.Read', async () => {
    const alex = graphClient(emu(), oboCredential(emu(), 'AlexW'));
    await assert.rejects(
      alex.api(`/users/${idOf('GradyA')}/mailFolders/inbox/messageRules`).get(),
      (e: GraphError) => e.statusCode === 403 && e.code === 'Authorization_RequestDenied',
    );
  });
});
