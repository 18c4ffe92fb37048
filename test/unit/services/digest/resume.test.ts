import { strict as assert } from 'node:assert';
import { MemoryDigestStore } from '../../../../services/adapters/memory/memoryDigestStore';
import { MemoryAuditLog } from '../../../../services/adapters/memory/memoryAuditLog';
import { ManualClock } from '../../../../services/clock';
import { DigestRunner } from '../../../../services/digest/digestRunner';
import type { GovernanceDeps } from '../../../../services/digest/governanceSection';
import { MailCollector } from '../../../../services/digest/mailCollector';
import type { ExchangeGateway, MailboxInfo } from '../../../../services/ports/exchange';
import type { SecurityReportsGateway } from '../../../../services/ports/securityReports';
import { silentLogger } from '../fakes/logger';

const mailbox = (i: number): MailboxInfo => ({
  userId: `u${i}`,
  identity: `m${String(i).padStart(2, '0')}`,
  displayName: `Mailbox ${i}`,
  primarySmtpAddress: `m${i}@contoso.com`,
  recipientTypeDetails: 'UserMailbox',
  auditEnabled: i % 3 !== 0,
  deliverToMailboxAndForward: false,
  grantSendOnBehalfTo: [],
});

/** Exchange with ten mailboxes; `failAt` makes that Get-MailboxPermission call fail once (a crash). */
function exchange(failAt?: number) {
  const asked: string[] = [];
  let failed = false;
  const gw: ExchangeGateway = {
    listMailboxes: async () => Array.from({ length: 10 }, (_, i) => mailbox(i + 1)).reverse(),
    // Sorted by name, in pages of 4: a chunk (3) does not end where a page does.
    mailboxPages: async function* () {
      const all = Array.from({ length: 10 }, (_, i) => mailbox(i + 1));
      for (let i = 0; i < all.length; i += 4) yield all.slice(i, i + 4);
    },
    mailboxPermissions: async (identity) => {
      asked.push(identity);
      if (failAt !== undefined && asked.length === failAt && !failed) {
        failed = true;
        throw new Error('process died');
      }
      return identity === 'm04'
        ? [{ identity, user: 'JoniS', accessRights: ['FullAccess'], isInherited: false, deny: false }]
        : [];
    },
    recipientPermissions: async () => [],
    setAuditEnabled: async () => undefined,
  };
  return { gw, asked };
}

const reports = {
  verifiedDomains: async () => ['contoso.com'],
  inboxRules: async (ids: string[]) =>
    new Map(
      ids.map((id) => [
        id,
        id === 'u7'
          ? [
              {
                id: 'r',
                displayName: 'Home',
                isEnabled: true,
                forwardTo: ['x@gmail.com'],
                redirectTo: [],
                forwardAsAttachmentTo: [],
              },
            ]
          : [],
      ]),
    ),
  secureScores: async () => [],
  controlProfiles: async () => [],
  signIns: async () => [],
  directoryAudits: async () => [],
} as unknown as SecurityReportsGateway;

function runner(store: MemoryDigestStore, gw: ExchangeGateway) {
  const governance = {
    reports,
    audit: new MemoryAuditLog(),
    entitlement: { assignmentsExpiringBefore: async () => [], pendingRequests: async () => [] },
    pim: { pendingApprovalRequests: async () => [] },
    reviews: { listDefinitions: async () => [] },
  } as unknown as GovernanceDeps;
  return new DigestRunner({
    store,
    mail: new MailCollector({
      exchange: gw,
      reports,
      store,
      logger: silentLogger,
      chunkSize: 3,
      exchangeConcurrency: 1,
    }),
    reports,
    governance,
    clock: new ManualClock(new Date('2026-11-30T08:00:00Z')),
    logger: silentLogger,
  });
}

describe('DigestRunner: a run stopped half way resumes from its saved progress', () => {
  it('redoes only the chunk that was running, and ends with the same findings as an unbroken run', async () => {
    const at = new Date('2026-11-30T08:00:00Z');
    const unbroken = new MemoryDigestStore();
    await runner(unbroken, exchange().gw).run('week:1', 'weekly', at);

    const store = new MemoryDigestStore();
    // Dies on the 6th mailbox: page 1 (m01–m03, then m04) is saved; the chunk m05–m07 is not.
    const first = exchange(6);
    await assert.rejects(runner(store, first.gw).run('week:1', 'weekly', at), /process died/);
    const stopped = await store.getRun('week:1');
    assert.deepEqual(stopped?.progress, { phase: 'mailboxes', cursor: 4 });
    assert.equal(stopped?.state, 'collecting');

    const second = exchange();
    const done = await runner(store, second.gw).run('week:1', 'weekly', at);
    assert.equal(done.state, 'complete');
    assert.deepEqual(second.asked, ['m05', 'm06', 'm07', 'm08', 'm09', 'm10'], 'resumed at the saved cursor');
    assert.deepEqual(await store.findings('week:1'), await unbroken.findings('week:1'));
    assert.deepEqual(
      (await store.findings('week:1')).map((f) => f.key),
      [
        'auditing:u3',
        'auditing:u6',
        'auditing:u9',
        'delegates:u4:jonis:FullAccess',
        'forwarding:u7:r:forwardTo',
      ],
    );
    assert.equal(done.summary?.mailboxCount, 10);

    const again = exchange();
    await runner(store, again.gw).run('week:1', 'weekly', at);
    assert.deepEqual(again.asked, [], 'a complete run is not collected again');
  });
});
