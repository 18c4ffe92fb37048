import { strict as assert } from 'node:assert';
import type { Emulator } from '../../../../emulator';
import { GRAPH_SCOPE, oboCredential, rawCall, type RawAnswer } from '../../../support/emulator';

/** A delegated Graph token for a demo-tenant user, obtained on-behalf-of as the bot does. */
export async function userToken(emu: Emulator, alias: string): Promise<string> {
  return (await oboCredential(emu, alias).getToken(GRAPH_SCOPE))!.token;
}

/** A raw v1.0 (or beta) GET as the user; the whole answer, for status, code and shape. */
export async function getAs(
  emu: Emulator,
  alias: string,
  path: string,
  version = 'v1.0',
): Promise<RawAnswer> {
  return rawCall(emu, 'GET', `/${version}${path}`, { token: await userToken(emu, alias) });
}

/** Asserts Graph's error shape: status, code, a message, and innerError with request-id and date. */
export function assertGraphError(res: RawAnswer, status: number, code: string): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.body?.error?.code, code);
  assert.equal(typeof res.body.error.message, 'string');
  assert.match(res.body.error.innerError?.['request-id'] ?? '', /^[0-9a-f-]{36}$/);
  assert.match(res.body.error.innerError?.date ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
}
