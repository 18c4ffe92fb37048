import { createMemoryStore } from '../../../../services/adapters/memory';
import { createAccessWorkflow } from '../../../../services/access/accessWorkflow';
import { ManualClock } from '../../../../services/clock';
import type { DelegatedIdentity } from '../../../../services/ports/userTokens';
import { FakeDirectory } from '../fakes/directory';
import { FakeEntitlement } from '../fakes/entitlement';
import { silentLogger } from '../fakes/logger';
import { FakeNotifier } from '../fakes/notifier';

/** The access workflow over the memory store and in-process fakes; `restart()` builds a new process. */
export function accessHarness(start = '2026-03-02T10:00:00Z') {
  const clock = new ManualClock(start);
  const store = createMemoryStore();
  const entitlement = new FakeEntitlement(() => clock.now());
  const directory = new FakeDirectory();
  const notifier = new FakeNotifier();
  const tokens = { assertionFor: async (userId: string) => `bg-token-${userId}` };
  const boot = (owner: string) =>
    createAccessWorkflow({
      store,
      entitlement,
      directory,
      notifier,
      tokens,
      clock,
      logger: silentLogger,
      expiryWarningDays: [7, 1],
      owner,
      outbox: { backoffBaseMs: 1000, backoffCapMs: 60_000, random: () => 0 },
    });
  const h = {
    clock,
    store,
    entitlement,
    directory,
    notifier,
    wf: boot('replica-1'),
    as: (userId: string): DelegatedIdentity => ({ userId, assertion: `sso-${userId}` }),
    restart: (owner = 'replica-2') => (h.wf = boot(owner)),
    /** Cards a user got, by kind. */
    kinds: (userId: string) => notifier.kinds(userId),
    /** The last version of a user's card of some kind (sent or updated). */
    lastCard: (userId: string, kind: string) => {
      const updates = notifier.updates.filter(
        (u) => u.message.userId === userId && u.notification.kind === kind,
      );
      const sent = notifier.sent.filter((s) => s.userId === userId && s.notification.kind === kind);
      return (updates.at(-1)?.notification ?? sent.at(-1)?.notification)?.data;
    },
  };
  return h;
}
