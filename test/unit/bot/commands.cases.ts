import type { Intent } from '../../../bot/commands';

/** What users type, and what the bot should take it for. */
export const INTENT_CASES: [text: string, intent: Intent | undefined, rest: string][] = [
  ['help', 'help', ''],
  ['  Help! ', 'help', ''],
  ['<at>Gatekeeper</at> help', 'help', ''],
  ['request access', 'requestAccess', ''],
  ['Request access Sales Toolkit', 'requestAccess', 'sales toolkit'],
  ['my requests', 'myRequests', ''],
  ['requests', 'myRequests', ''],
  ['my access', 'myAccess', ''],
  ['activate role Helpdesk Administrator', 'activateRole', 'helpdesk administrator'],
  ['activate', 'activateRole', ''],
  ['pim', 'activateRole', ''],
  ['reviews', 'reviews', ''],
  ['approvals', 'approvals', ''],
  ['approve', 'approvals', ''],
  ['What can you do?', 'help', ''],
  ['what can you do', 'help', ''],
  ['cancel', 'myRequests', ''],
  ['Cancel my request', 'myRequests', ''],
  ['extend', 'myAccess', ''],
  ['my approvals', 'approvals', ''],
  ['requestaccess', undefined, ''],
  ['what is the weather', undefined, ''],
  ['', undefined, ''],
];
