import { strict as assert } from 'node:assert';
import { gatekeeperApp, ROLE, type Emulator } from '../../../../emulator';
import { GRAPH_AUDIENCE } from '../../../../emulator/identity/tokenIssuer';
import { appToken, rawCall, useEmulator } from '../../../support/emulator';
import { assertGraphError } from './support';

/** A delegated Graph token whose `scp` is `scopes` (an app consented for them), for a demo user. */
function delegatedToken(emu: Emulator, alias: string, scopes: string[]): string {
  const user = emu.directory.userByAlias(alias)!;
  const app = { ...gatekeeperApp('audit-reader-app', 's'), delegatedScopes: scopes };
  return emu.tokens.issuer.delegatedToken(
    app,
    {
      aud: app.clientId,
      iss: '',
      tid: emu.tenantId,
      oid: user.id,
      upn: user.userPrincipalName,
      name: user.displayName,
      amr: ['pwd'],
    },
    GRAPH_AUDIENCE,
    [],
  );
}

describe('emulator fidelity: audit and sign-in logs need a log reader role in delegated calls (HTTPS)', () => {
  const { emu } = useEmulator();

  // directoryaudit-list.md (include rbac-directoryaudit-apis) and signin-list.md: besides AuditLog.Read.All,
  // the signed-in user must hold Reports Reader, Security Reader, Security Administrator (or Global
  // Administrator, Global Reader, Security Operator); an app with the application permission needs none.
  for (const path of ['/auditLogs/directoryAudits', '/auditLogs/signIns']) {
    it(`refuses ${path} to a user without a log reader role, and answers a Reports Reader and the app`, async () => {
      const token = delegatedToken(emu(), 'AdeleV', ['AuditLog.Read.All']);
      assertGraphError(
        await rawCall(emu(), 'GET', `/v1.0${path}`, { token }),
        403,
        'Authorization_RequestDenied',
      );
      const adele = emu().directory.userByAlias('AdeleV')!.id;
      emu().roles.assign(adele, ROLE.reportsReader);
      try {
        assert.equal((await rawCall(emu(), 'GET', `/v1.0${path}`, { token })).status, 200);
      } finally {
        emu().roles.unassign(adele, ROLE.reportsReader);
      }
      const app = await rawCall(emu(), 'GET', `/v1.0${path}`, { token: await appToken(emu()) });
      assert.equal(app.status, 200);
    });
  }
});
