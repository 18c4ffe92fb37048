import { strict as assert } from 'node:assert';
import { demoTenant, userId, type GraphContractContext } from './context';

/** The SecurityReportsGateway contract: what the weekly digest reads from Graph. */
export function securityReportsContract(ctx: () => GraphContractContext): void {
  const reports = () => ctx().gateways.securityReports;

  it('reads the newest Secure Score first, with its control scores', async () => {
    const [latest] = await reports().secureScores(1);
    const history = demoTenant.secureScore.weeklyHistoryOldestFirst;
    assert.equal(latest?.currentScore, history[history.length - 1]);
    assert.equal(latest?.maxScore, demoTenant.secureScore.maxScore);
    assert.equal(latest?.controlScores.find((c) => c.controlName === 'mailboxAuditingEnabled')?.score, 0);
    const several = await reports().secureScores(3);
    assert.equal(several.length, 3);
    assert.ok(several[0]!.createdDateTime > several[2]!.createdDateTime, 'newest first');
  });

  it("lists the tenant's verified domains (Fabrikam, a connected organisation, is not one)", async () => {
    assert.deepEqual(await reports().verifiedDomains(), ['contoso.com']);
  });

  it('lists the control profiles', async () => {
    const profiles = await reports().controlProfiles();
    const mfa = profiles.find((p) => p.id === 'MFARegistrationV2');
    assert.equal(mfa?.maxScore, 9);
  });

  it('reads inbox rules of many mailboxes, with their forwarding addresses', async () => {
    const rules = await reports().inboxRules(['GradyA', 'JohannaL', 'DiegoS', 'PattiF'].map(userId));
    assert.deepEqual(
      rules.get(userId('GradyA'))?.map((r) => r.forwardTo),
      [['grady.archie.home@outlook.com']],
    );
    assert.deepEqual(rules.get(userId('JohannaL'))?.[0]?.redirectTo, ['LeeG@contoso.com']);
    const diego = rules.get(userId('DiegoS'))?.[0];
    assert.equal(diego?.isEnabled, false);
    assert.deepEqual(diego?.forwardAsAttachmentTo, ['diego.s@gmail.com']);
    assert.deepEqual(rules.get(userId('PattiF')), []);
  });

  it('reads sign-ins and directory audits since a date', async () => {
    const since = new Date(Date.now() - 7 * 86_400_000);
    const signIns = await reports().signIns(since);
    assert.ok(signIns.length > 0);
    assert.ok(signIns.every((s) => Date.parse(s.createdDateTime) >= since.getTime()));
    const megan = await reports().signIns(since, userId('MeganB'));
    assert.ok(megan.length > 0 && megan.every((s) => s.userId === userId('MeganB')));
    const audits = await reports().directoryAudits(since, 'RoleManagement');
    // The demo tenant's recent PIM activations (Isaiah 2 days ago, Alex 4 days ago) are audited.
    const initiators = new Set(audits.map((a) => a.initiatedBy?.userId));
    assert.ok(
      initiators.has(userId('IsaiahL')) && initiators.has(userId('AlexW')),
      JSON.stringify([...initiators]),
    );
    assert.ok(
      audits.every(
        (a) => a.category === 'RoleManagement' && Date.parse(a.activityDateTime) >= since.getTime(),
      ),
    );
  });
}
