import { strict as assert } from 'node:assert';
import { GraphError, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { appCredential, appToken, graphClient, rawCall, useEmulator } from '../../support/emulator';

describe('emulator: OData query options', () => {
  const { emu } = useEmulator();
  const client = () => graphClient(emu(), appCredential(emu()));

  it('pages to the end with $top, following opaque absolute nextLinks', async () => {
    const first: PageCollection = await client().api('/users').top(5).get();
    assert.equal(first.value.length, 5);
    assert.ok(first['@odata.nextLink']!.startsWith(`${emu().url}/v1.0/users?`));
    assert.match(first['@odata.nextLink']!, /\$skiptoken=/);
    const ids: string[] = [];
    const iterator = new PageIterator(client(), first, (u: { id: string }) => {
      ids.push(u.id);
      return true;
    });
    await iterator.iterate();
    assert.equal(ids.length, 16);
    assert.equal(new Set(ids).size, 16);
  });

  it('rejects a $top beyond the ceiling and a forged $skiptoken', async () => {
    await assert.rejects(client().api('/users').top(1000).get(), (e: GraphError) => e.statusCode === 400);
    await assert.rejects(
      client().api('/users?$skiptoken=garbage').get(),
      (e: GraphError) => e.statusCode === 400,
    );
  });

  const filtered = async (filter: string, headers: Record<string, string> = {}) => {
    const res = await client().api('/users').headers(headers).filter(filter).select(['displayName']).get();
    return (res.value as { displayName: string }[]).map((u) => u.displayName).sort();
  };

  it('filters with eq, startswith, and/or and booleans', async () => {
    assert.deepEqual(await filtered("department eq 'Marketing'"), ['Alex Wilber', 'Megan Bowen']);
    assert.deepEqual(await filtered("startswith(displayName,'A') and accountEnabled eq true"), [
      'Adele Vance',
      'Alex Wilber',
    ]);
    assert.deepEqual(await filtered("userType eq 'Guest' or jobTitle eq 'President'"), [
      'Patti Fernandez',
      'Sam Taylor (Fabrikam)',
    ]);
    assert.deepEqual(await filtered("(department eq 'Legal') and (startswith(tolower(displayName), 'j'))"), [
      'Joni Sherman',
    ]);
  });

  it('filters on datetimes and navigation paths', async () => {
    const cutoff = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const res = await client()
      .api('/users')
      .select(['displayName', 'signInActivity'])
      .filter(`signInActivity/lastSignInDateTime le ${cutoff}`)
      .get();
    assert.deepEqual(
      res.value.map((u: { displayName: string }) => u.displayName),
      ['Diego Siciliani'],
    );
  });

  it('needs ConsistencyLevel: eventual for endswith, ne, $count and $search on directory objects', async () => {
    await assert.rejects(
      filtered("endswith(mail,'@fabrikam.com')"),
      (e: GraphError) => e.statusCode === 400 && e.code === 'Request_UnsupportedQuery',
    );
    await assert.rejects(filtered("userType ne 'Member'"), (e: GraphError) => e.statusCode === 400);
    const eventual = { ConsistencyLevel: 'eventual' };
    assert.deepEqual(await filtered("endswith(mail,'@fabrikam.com')", eventual), ['Sam Taylor (Fabrikam)']);
    assert.deepEqual(await filtered("not(userType eq 'Member')", eventual), ['Sam Taylor (Fabrikam)']);
    await assert.rejects(client().api('/users').count(true).get(), (e: GraphError) => e.statusCode === 400);
    const counted = await client().api('/users').headers(eventual).count(true).top(3).get();
    assert.equal(counted['@odata.count'], 16);
    assert.equal(counted.value.length, 3);
    const searched = await client().api('/users').headers(eventual).search('"displayName:meg"').get();
    assert.deepEqual(
      searched.value.map((u: { displayName: string }) => u.displayName),
      ['Megan Bowen'],
    );
    await assert.rejects(
      client().api('/users').search('"displayName:meg"').get(),
      (e: GraphError) => e.statusCode === 400,
    );
  });

  it('answers 400 BadRequest for filter syntax outside the subset', async () => {
    for (const bad of [
      "substringof('a', displayName)",
      'displayName eq',
      "displayName like 'a'",
      "displayName eq 'unterminated",
    ]) {
      const res = await rawCall(emu(), 'GET', `/v1.0/users?$filter=${encodeURIComponent(bad)}`, {
        token: await appToken(emu()),
      });
      assert.equal(res.status, 400, bad);
      assert.equal(res.body.error.code, 'BadRequest', bad);
      assert.match(res.body.error.message, /Invalid filter clause/, bad);
    }
  });

  it('filters with any() lambdas, orders and selects', async () => {
    const rules = await client()
      .api('/auditLogs/directoryAudits')
      .filter(
        "category eq 'RoleManagement' and additionalDetails/any(d: d/key eq 'TicketNumber' and d/value eq 'INC-20411')",
      )
      .get();
    assert.equal(rules.value.length, 1);
    assert.equal(rules.value[0].initiatedBy.user.userPrincipalName, 'IsaiahL@contoso.com');
    const ordered = await client()
      .api('/users')
      .orderby('displayName desc')
      .top(2)
      .select(['displayName'])
      .get();
    assert.deepEqual(
      ordered.value.map((u: { displayName: string }) => u.displayName),
      ['Sam Taylor (Fabrikam)', 'Pradeep Gupta'],
    );
    assert.deepEqual(Object.keys(ordered.value[0]), ['displayName']);
  });
});
