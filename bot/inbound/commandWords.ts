import type { Activity } from 'botbuilder';

/**
 * The words a message asks for: what the user typed, or the `command` of a welcome or help button
 * they pressed. Those buttons are plain `Action.Submit`s (the message's `value` carries their data)
 * rather than Teams' `msteams.imBack`, which Microsoft 365 Agents Playground silently ignores and
 * clients other than Teams do not know. A `value` of any other shape is not a command.
 */
export function commandWords(activity: Partial<Activity>): string {
  const typed = activity.text ?? '';
  if (typed.trim()) return typed;
  const value = activity.value as { command?: unknown } | undefined;
  return typeof value?.command === 'string' ? value.command : '';
}
