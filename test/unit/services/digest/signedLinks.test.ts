import { strict as assert } from 'node:assert';
import { safeCell } from '../../../../services/digest/csv';
import { SignedLinks } from '../../../../services/digest/signedLinks';

describe('SignedLinks: per-recipient, expiring CSV links', () => {
  const now = new Date('2026-11-30T08:00:00Z');
  const links = new SignedLinks('k'.repeat(32), 60 * 60_000);
  const q = new URLSearchParams(links.sign('week:1', 'smtp', 'isaiah', now));

  it('opens for the user, file and run it was signed for, until it expires', () => {
    assert.deepEqual(links.verify('week:1', 'smtp', q, now), {
      runId: 'week:1',
      file: 'smtp',
      userId: 'isaiah',
      expires: Math.floor(now.getTime() / 1000) + 3600,
    });
    assert.equal(links.verify('week:1', 'smtp', q, new Date(now.getTime() + 3600_000)), 'expired');
  });

  it('refuses a link changed in any part, or signed with another key', () => {
    const other = (k: string, v: string) => new URLSearchParams({ ...Object.fromEntries(q), [k]: v });
    assert.equal(links.verify('week:1', 'smtp', other('u', 'adele'), now), 'badSignature');
    assert.equal(
      links.verify('week:1', 'smtp', other('e', String(Number(q.get('e')) + 86_400)), now),
      'badSignature',
    );
    assert.equal(links.verify('week:1', 'all', q, now), 'badSignature');
    assert.equal(links.verify('week:2', 'smtp', q, now), 'badSignature');
    assert.equal(new SignedLinks('x'.repeat(32), 1).verify('week:1', 'smtp', q, now), 'badSignature');
    assert.equal(links.verify('week:1', 'smtp', new URLSearchParams('u=isaiah'), now), 'malformed');
  });
});

describe('CSV cells a spreadsheet would run as formulas', () => {
  it('get a leading apostrophe; other text is unchanged', () => {
    assert.equal(safeCell('=HYPERLINK("http://evil","x")'), '\'=HYPERLINK("http://evil","x")');
    for (const c of ['+1', '-1', '@SUM(A1)', '\tx']) assert.equal(safeCell(c), `'${c}`);
    assert.equal(safeCell('Send everything home'), 'Send everything home');
  });
});
