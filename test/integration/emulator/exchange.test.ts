import { strict as assert } from 'node:assert';
import { appToken, EXCHANGE_SCOPE, rawCall, useEmulator } from '../../support/emulator';

describe('emulator: Exchange Online admin REST (InvokeCommand)', () => {
  const { emu } = useEmulator();
  const invoke = async (
    cmdlet: string,
    parameters: Record<string, unknown> = {},
    opts: { path?: string; headers?: Record<string, string>; token?: string } = {},
  ) =>
    rawCall(emu(), 'POST', opts.path ?? `/adminapi/beta/${emu().tenantId}/InvokeCommand`, {
      token: opts.token ?? (await appToken(emu(), EXCHANGE_SCOPE)),
      body: { CmdletInput: { CmdletName: cmdlet, Parameters: parameters } },
      headers: opts.headers,
    });

  it('pages Get-Mailbox with Prefer: odata.maxpagesize and nextLink', async () => {
    const rows: Record<string, unknown>[] = [];
    let path: string | undefined = `/adminapi/beta/${emu().tenantId}/InvokeCommand`;
    let pages = 0;
    while (path) {
      const res = await invoke(
        'Get-Mailbox',
        { ResultSize: 'Unlimited' },
        { path, headers: { Prefer: 'odata.maxpagesize=4' } },
      );
      assert.equal(res.status, 200);
      assert.ok(res.body.value.length <= 4);
      rows.push(...res.body.value);
      const next: string | undefined = res.body['@odata.nextLink'];
      path = next ? next.slice(emu().url.length) : undefined;
      pages++;
    }
    assert.equal(pages, 4);
    assert.equal(new Set(rows.map((r) => r.ExternalDirectoryObjectId)).size, rows.length);
    const henrietta = rows.find((r) => r.Alias === 'HenriettaM')!;
    assert.equal(henrietta.ForwardingSmtpAddress, 'smtp:henrietta.m@protonmail.com');
    assert.equal(henrietta.DeliverToMailboxAndForward, true);
    assert.equal(rows.find((r) => r.Alias === 'PradeepG')!.AuditEnabled, false);
  });

  it('applies $select and reads permissions, recipient permissions and inbox rules', async () => {
    const selected = await rawCall(
      emu(),
      'POST',
      `/adminapi/beta/${emu().tenantId}/InvokeCommand?$select=Alias,AuditEnabled`,
      {
        token: await appToken(emu(), EXCHANGE_SCOPE),
        body: { CmdletInput: { CmdletName: 'Get-Mailbox', Parameters: { Identity: 'PattiF@contoso.com' } } },
      },
    );
    assert.deepEqual(selected.body.value, [{ Alias: 'PattiF', AuditEnabled: true }]);
    const perms = await invoke('Get-MailboxPermission', { Identity: 'PattiF' });
    assert.deepEqual(
      perms.body.value.map((p: { User: string }) => p.User),
      ['NT AUTHORITY\\SELF', 'JoniS@contoso.com'],
    );
    const sendAs = await invoke('Get-RecipientPermission', { Identity: 'MeganB' });
    assert.ok(sendAs.body.value.some((p: { Trustee: string }) => p.Trustee === 'JoniS@contoso.com'));
    const rules = await invoke('Get-InboxRule', { Mailbox: 'GradyA' });
    assert.deepEqual(rules.body.value[0].ForwardTo, [
      '"grady.archie.home@outlook.com" [SMTP:grady.archie.home@outlook.com]',
    ]);
  });

  it('turns auditing on with Set-Mailbox', async () => {
    await invoke('Set-Mailbox', { Identity: 'SamT', AuditEnabled: true });
    const res = await invoke('Get-Mailbox', { Identity: 'SamT' });
    assert.equal(res.body.value[0].AuditEnabled, true);
  });

  it('fails like Exchange for unknown identities and cmdlets, and refuses Graph tokens', async () => {
    const missing = await invoke('Get-Mailbox', { Identity: 'nobody' });
    assert.equal(missing.status, 404);
    assert.match(missing.body.error.details[0].message, /couldn't be found/);
    assert.match(missing.body.error.innererror.internalException.message, /nobody/);
    const unknown = await invoke('Remove-Mailbox', { Identity: 'PattiF' });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.message, /not recognized/);
    const graphToken = await invoke('Get-Mailbox', {}, { token: await appToken(emu()) });
    assert.equal(graphToken.status, 401);
    assert.equal((await invoke('Get-Mailbox', {}, { token: 'x' })).status, 401);
  });

  it('throttles per app with 429 and Retry-After, in its own bucket', async () => {
    const token = await appToken(emu(), EXCHANGE_SCOPE);
    emu().knobs.throttle({ capacity: 1, refillPerSecond: 0.25 });
    try {
      assert.equal((await invoke('Get-Mailbox', { Identity: 'PattiF' }, { token })).status, 200);
      const throttled = await invoke('Get-Mailbox', { Identity: 'PattiF' }, { token });
      assert.equal(throttled.status, 429);
      // Four seconds to a token, four more to repay the refused request's own charge.
      assert.equal(throttled.headers.get('Retry-After'), '8');
    } finally {
      emu().knobs.reset();
    }
  });
});
