import { strict as assert } from 'node:assert';
import { compileFilter } from '../../../emulator/graph/odata';
import { usesAdvancedQuery } from '../../../emulator/graph/odata/advancedQuery';
import { parseFilter } from '../../../emulator/graph/odata/filterParser';
import { GraphHttpError } from '../../../emulator/graph/routing';

// The $filter subset on its own (the HTTP tests cover it end to end through the real client).
const rows = [
  {
    id: 'a',
    status: 'Delivered',
    accessPackage: { id: 'p1' },
    target: { objectId: 'u1' },
    roles: ['x', 'y'],
    n: 3,
    on: true,
    when: '2026-01-10T00:00:00Z',
    note: null,
  },
  {
    id: 'b',
    status: 'PendingApproval',
    accessPackage: { id: 'p2' },
    target: { objectId: 'u2' },
    roles: [],
    n: 10,
    on: false,
    when: '2026-02-10T00:00:00Z',
    note: "O'Brien",
  },
];
const ids = (filter: string) => rows.filter(compileFilter(filter)).map((r) => r.id);

describe('emulator: $filter subset', () => {
  it('compares strings case-insensitively, numbers, booleans, null and datetimes', () => {
    assert.deepEqual(ids("status eq 'delivered'"), ['a']);
    assert.deepEqual(ids('n gt 3'), ['b']);
    assert.deepEqual(ids('n ge 3 and n le 3'), ['a']);
    assert.deepEqual(ids('on eq false'), ['b']);
    assert.deepEqual(ids('note eq null'), ['a']);
    assert.deepEqual(ids("note eq 'O''Brien'"), ['b']);
    assert.deepEqual(ids('when lt 2026-02-01T00:00:00Z'), ['a']);
  });

  it('follows navigation paths and guids', () => {
    assert.deepEqual(ids("accessPackage/id eq 'p2'"), ['b']);
    assert.deepEqual(ids("target/objectId eq 'u1' or accessPackage/id eq 'p2'"), ['a', 'b']);
    assert.deepEqual(rows.filter(compileFilter('id eq 3f5b3553-e91b-5d97-8289-94ee01172e82')).length, 0);
  });

  it('supports functions, not, precedence and any() lambdas', () => {
    assert.deepEqual(ids("startswith(status,'pend')"), ['b']);
    assert.deepEqual(ids("endswith(status,'ed')"), ['a']);
    assert.deepEqual(ids("contains(tolower(status),'approval')"), ['b']);
    assert.deepEqual(ids("not(status eq 'Delivered')"), ['b']);
    assert.deepEqual(ids("status eq 'Delivered' or status eq 'PendingApproval' and n gt 100"), ['a']);
    assert.deepEqual(ids("roles/any(r: r eq 'y')"), ['a']);
    assert.deepEqual(ids('roles/any()'), ['a']);
    assert.deepEqual(ids("roles/all(r: r eq 'x')"), ['b']);
  });

  it('refuses what it does not support with a 400 BadRequest', () => {
    for (const bad of [
      "substringof('a',status)",
      'status eq',
      "status has 'a'",
      'n add 1 eq 2',
      "(status eq 'a'",
      'startswith(status)',
    ]) {
      assert.throws(
        () => parseFilter(bad),
        (e: GraphHttpError) => e.status === 400 && e.code === 'BadRequest',
        bad,
      );
    }
  });

  it('flags the operators Graph treats as advanced queries on directory objects', () => {
    assert.equal(usesAdvancedQuery(parseFilter("status eq 'a'")), false);
    assert.equal(usesAdvancedQuery(parseFilter("status ne 'a'")), true);
    assert.equal(usesAdvancedQuery(parseFilter("endswith(mail,'x')")), true);
    assert.equal(usesAdvancedQuery(parseFilter("not(status eq 'a')")), true);
  });
});
