import { strict as assert } from 'node:assert';
import { effect } from '../../../../services/workflow/mutate';
import { outboxEntries } from '../../../../services/workflow/outboxEntries';

describe('outboxEntries.done', () => {
  const at = new Date('2026-03-02T10:00:00Z');
  const later = new Date('2026-03-02T10:01:00Z');
  const outbox = [
    effect('send:a', 'notify.send', { key: 'a', userId: 'u1', kind: 'approval' }, at),
    effect('audit:b', 'audit.append', { event: { summary: 'x'.repeat(300) } }, at),
  ];

  it('keeps a succeeded entry by id and time but drops its payload and an earlier error', () => {
    const retried = outboxEntries.retry(outbox, 'send:a', at, 1000, 'GraphUnavailableError: 503');
    const [sent, audit] = outboxEntries.done(retried, 'send:a', later);
    assert.deepEqual(
      { id: sent!.id, type: sent!.type, payload: sent!.payload, doneAt: sent!.doneAt },
      { id: 'send:a', type: 'notify.send', payload: {}, doneAt: later },
    );
    assert.equal(sent!.lastError, undefined);
    assert.equal(outboxEntries.isDue(sent!, later), false);
    assert.deepEqual(audit, outbox[1], 'the other entry is untouched');
  });

  it('keeps the payload of an entry that failed for good, with its error, for whoever looks into it', () => {
    const [failed] = outboxEntries.done(outbox, 'send:a', later, 'PolicyViolationError: no');
    assert.deepEqual(failed!.payload, outbox[0]!.payload);
    assert.equal(failed!.lastError, 'PolicyViolationError: no');
    assert.deepEqual(failed!.doneAt, later);
  });

  it('keeps the payload of a succeeded entry that others read after it ran, when asked', () => {
    const [kept] = outboxEntries.done(outbox, 'send:a', later, undefined, true);
    assert.deepEqual(kept!.payload, outbox[0]!.payload);
    assert.deepEqual(kept!.doneAt, later);
  });
});
