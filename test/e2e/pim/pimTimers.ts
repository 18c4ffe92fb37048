import type { Recorded } from '../../../emulator/teams/channel';
import { PIM_ACTIVATION } from '../../../services/pim/model';
import type { startPimApp } from './pimApp';
import { cardOf, cardText } from './pimCards';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A reminder the bot sent (a new message, not an update of a card). */
export const isReminder = (r: Recorded) => r.op !== 'update' && /^Reminder:/m.test(cardText(cardOf(r)));

/** Moving the PIM app's shared clock, and what the timers then send. */
export function pimTimers(app: () => Awaited<ReturnType<typeof startPimApp>>) {
  /**
   * Waits until no activation's effects are in flight (a message sent, its write not yet done). Only
   * then may the test move the shared clock on: a jump past the lease would let a second runner take
   * the item over and send again, as after a crash.
   */
  const idle = async () => {
    for (let i = 0; i < 200; i++) {
      const items = await app().store.workflows.find({ kind: PIM_ACTIVATION, limit: 50 });
      if (!items.some((item) => item.lease)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('PIM activations stayed leased');
  };
  return {
    /** The reminders the user was sent since `mark`. */
    remindersTo: (alias: string, mark: number) =>
      app()
        .channel.recorder.all()
        .filter((r) => r.seq > mark && r.alias === alias && isReminder(r)),
    /** Moves the shared clock on once nothing is in flight. */
    advance: async (ms: number) => {
      await idle();
      app().clock.advance(ms);
    },
    /** Lets every timer due by now run, and what they cause be sent. */
    runTimers: async () => {
      await app().wf().runDue();
      await app().wf().outbox.settled();
      await idle();
    },
  };
}
