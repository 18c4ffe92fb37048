import { strict as assert } from 'node:assert';
import { GraphError } from '@microsoft/microsoft-graph-client';
import {
  appCredential,
  appToken,
  graphClient,
  oboCredential,
  rawCall,
  useEmulator,
} from '../../support/emulator';

describe('emulator: Graph core over HTTPS', () => {
  const { emu } = useEmulator();

  it('answers 401 InvalidAuthenticationToken without a token and with a bad one, in Graph error shape', async () => {
    const none = await rawCall(emu(), 'GET', '/v1.0/users', { headers: { 'client-request-id': 'abc-123' } });
    assert.equal(none.status, 401);
    assert.equal(none.body.error.code, 'InvalidAuthenticationToken');
    assert.equal(none.body.error.innerError['client-request-id'], 'abc-123');
    assert.match(none.body.error.innerError['request-id'], /^[0-9a-f-]{36}$/);
    assert.match(none.body.error.innerError.date, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    assert.equal(none.headers.get('request-id'), none.body.error.innerError['request-id']);
    assert.equal(none.headers.get('client-request-id'), 'abc-123');
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer realm="", authorization_uri="/);
    const bad = await rawCall(emu(), 'GET', '/v1.0/users', { token: 'not.a.jwt' });
    assert.equal(bad.status, 401);
  });

  it('refuses an Exchange token on Graph (wrong audience)', async () => {
    const res = await rawCall(emu(), 'GET', '/v1.0/users', {
      token: await appToken(emu(), 'https://outlook.office365.com/.default'),
    });
    assert.equal(res.status, 401);
    assert.match(res.body.error.message, /audience/i);
  });

  it('answers 403 Authorization_RequestDenied when the app lacks the permission, and 400 to an app on /me', async () => {
    emu().tokens.registerApp({
      clientId: 'weak-app',
      clientSecret: 's',
      displayName: 'Weak',
      graphRoles: ['Group.Read.All'],
      exchangeRoles: [],
      delegatedScopes: [],
    });
    const weak = graphClient(emu(), appCredential(emu(), 's', 'weak-app'));
    await assert.rejects(
      weak.api('/users').get(),
      (e: GraphError) => e.statusCode === 403 && e.code === 'Authorization_RequestDenied',
    );
    const groups = await weak.api('/groups').get();
    assert.equal(groups.value.length, 6);
    const app = graphClient(emu(), appCredential(emu()));
    // auth-concepts.md: /me needs a signed-in user; Graph answers an app token 400 BadRequest.
    await assert.rejects(
      app.api('/me').get(),
      (e: GraphError) =>
        e.statusCode === 400 &&
        e.code === 'BadRequest' &&
        e.message === '/me request is only valid with delegated authentication flow.',
    );
  });

  it('requires AuditLog.Read.All for signInActivity and returns lastSignInDateTime', async () => {
    const users = await graphClient(emu(), appCredential(emu()))
      .api('/users')
      .select(['id', 'signInActivity'])
      .get();
    const grady = users.value.find((u: { id: string }) => u.id === emu().directory.userByAlias('GradyA')!.id);
    assert.equal(grady.signInActivity.lastSignInDateTime, null);
    const megan = users.value.find((u: { id: string }) => u.id === emu().directory.userByAlias('MeganB')!.id);
    assert.ok(Date.parse(megan.signInActivity.lastSignInDateTime) > Date.now() - 86_400_000);
    const delegated = graphClient(emu(), oboCredential(emu(), 'MeganB'));
    await assert.rejects(
      delegated.api('/users').select(['id', 'signInActivity']).get(),
      (e: GraphError) => e.statusCode === 403,
    );
  });

  it('answers 404 Request_ResourceNotFound for an unknown user and 400 for an unknown segment', async () => {
    const client = graphClient(emu(), appCredential(emu()));
    await assert.rejects(
      client.api('/users/00000000-0000-4000-8000-000000000000').get(),
      (e: GraphError) => e.statusCode === 404 && e.code === 'Request_ResourceNotFound',
    );
    const res = await rawCall(emu(), 'GET', '/v1.0/nonsense/123', { token: await appToken(emu()) });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.message, "Resource not found for the segment 'nonsense'.");
  });

  it('resolves users by UPN, managers, and the default property set without $select', async () => {
    const client = graphClient(emu(), appCredential(emu()));
    const lee = await client.api('/users/LeeG@contoso.com').get();
    assert.equal(lee.displayName, 'Lee Gu');
    assert.equal(lee.department, undefined, "department is not in Graph's default set");
    assert.match(lee['@odata.context'], /\$metadata#users\/\$entity$/);
    const withDept = await client.api(`/users/${lee.id}`).select(['department', 'jobTitle']).get();
    assert.deepEqual(
      { ...withDept, '@odata.context': undefined },
      { '@odata.context': undefined, department: 'Manufacturing', jobTitle: 'Director' },
    );
    const manager = await client.api(`/users/${lee.id}/manager`).get();
    assert.equal(manager.displayName, 'Patti Fernandez');
    assert.equal(manager['@odata.type'], '#microsoft.graph.user');
    await assert.rejects(
      client.api(`/users/${manager.id}/manager`).get(),
      (e: GraphError) => e.statusCode === 404,
    );
  });

  it('expands manager on users and refuses unknown navigation properties', async () => {
    const client = graphClient(emu(), appCredential(emu()));
    const adele = await client
      .api('/users/AdeleV@contoso.com')
      .select(['displayName'])
      .expand('manager($select=id,displayName)')
      .get();
    assert.equal(adele.manager.displayName, 'Megan Bowen');
    const all = await client.api('/users').expand('manager').top(999).get();
    assert.equal(all.value.filter((u: { manager?: unknown }) => u.manager).length, 14);
    await assert.rejects(client.api('/users').expand('photo').get(), (e: GraphError) => e.statusCode === 400);
  });

  it('lists group members, owners and transitive members', async () => {
    const client = graphClient(emu(), appCredential(emu()));
    const falcon = emu().directory.groupByName('Project Falcon')!;
    const members = await client.api(`/groups/${falcon.id}/members`).get();
    assert.equal(members.value.length, 5);
    const owners = await client.api(`/groups/${falcon.id}/owners`).get();
    assert.deepEqual(
      owners.value.map((o: { displayName: string }) => o.displayName),
      ['Nestor Wilke'],
    );
    const transitive = await client.api(`/groups/${falcon.id}/transitiveMembers`).get();
    assert.equal(transitive.value.length, 5);
  });

  it('serves /beta as well as /v1.0', async () => {
    const beta = graphClient(emu(), appCredential(emu()), 'beta');
    const users = await beta.api('/users').top(2).get();
    assert.match(users['@odata.nextLink'], /\/beta\/users\?/);
  });
});
