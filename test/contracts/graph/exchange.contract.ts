import { strict as assert } from 'node:assert';
import { NotFoundError } from '../../../services/ports/graphErrors';
import { demoTenant, userId, type GraphContractContext } from './context';

const upn = (alias: string) => demoTenant.users.find((u) => u.alias === alias)!.userPrincipalName;

/** The ExchangeGateway contract: mailbox auditing, forwarding and delegation for the digest. */
export function exchangeContract(ctx: () => GraphContractContext): void {
  const exchange = () => ctx().gateways.exchange;

  it('lists every mailbox with auditing and SMTP forwarding', async () => {
    const mailboxes = await exchange().listMailboxes();
    const byUser = new Map(mailboxes.map((m) => [m.userId, m]));
    assert.ok(mailboxes.length >= demoTenant.users.length - 1);
    for (const alias of demoTenant.mailboxes.auditDisabled)
      assert.equal(byUser.get(userId(alias))?.auditEnabled, false, alias);
    assert.equal(byUser.get(userId('PattiF'))?.auditEnabled, true);
    const henrietta = byUser.get(userId('HenriettaM'));
    assert.equal(henrietta?.forwardingSmtpAddress, 'henrietta.m@protonmail.com');
    assert.equal(henrietta?.deliverToMailboxAndForward, true);
  });

  it('pages the same mailboxes sorted by name, the same order every time', async () => {
    const read = async () => {
      const names: string[] = [];
      for await (const page of exchange().mailboxPages()) names.push(...page.map((m) => m.identity));
      return names;
    };
    const first = await read();
    const all = (await exchange().listMailboxes()).map((m) => m.identity);
    assert.deepEqual([...first].sort(), [...all].sort());
    assert.deepEqual(
      first,
      [...first].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
    );
    assert.deepEqual(await read(), first);
  });

  it('lists explicit FullAccess and SendAs grants', async () => {
    const patti = await exchange().mailboxPermissions(upn('PattiF'));
    assert.equal(patti.length, 1);
    assert.match(patti[0]!.user, /JoniS|Joni/i);
    assert.deepEqual(patti[0]!.accessRights, ['FullAccess']);
    const megan = await exchange().recipientPermissions(upn('MeganB'));
    assert.ok(megan.some((p) => /Joni/i.test(p.trustee) && p.accessRights.includes('SendAs')));
    const all = await exchange().recipientPermissions();
    assert.ok(
      all.some((p) => /Alex/i.test(p.trustee)),
      'Alex may send as Isaiah',
    );
    await assert.rejects(exchange().mailboxPermissions('nobody@contoso.com'), NotFoundError);
  });

  it('turns mailbox auditing on', async () => {
    await exchange().setAuditEnabled(upn('PradeepG'), true);
    const mailboxes = await exchange().listMailboxes();
    assert.equal(mailboxes.find((m) => m.userId === userId('PradeepG'))?.auditEnabled, true);
  });
}
