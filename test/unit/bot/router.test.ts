import { strict as assert } from 'node:assert';
import pino from 'pino';
import { z } from 'zod';
import { defineHandler, type VerbTable } from '../../../bot/invoke/handler';
import { createHelpVerbs } from '../../../bot/invoke/helpVerbs';
import { InvokeRouter } from '../../../bot/invoke/router';
import { unwiredVerb } from '../../../bot/invoke/unwiredVerb';
import { composeVerbTables } from '../../../bot/invoke/verbTable';
import { VERBS } from '../../../cards/verbs';
import { SignInRequiredError } from '../../../services/ports/graphErrors';
import type { SsoTokens } from '../../../bot/sso/ssoTokens';
import { renderNoticeCard } from '../../../cards/notice';
import { cardText } from '../../../emulator/teams/cards';
import { ADELE, invokeAction, TENANT, turnFor } from './invokeActivity';
import { DomainError } from '../../../services/domainError';

const log = pino({ level: 'silent' });
const loginRequest = { statusCode: 401, type: 'application/vnd.microsoft.activity.loginRequest', value: {} };
const sso = {
  loginRequest: async () => loginRequest,
  require: async () => 'sso-token',
} as unknown as SsoTokens;

class AlreadyDecidedError extends DomainError {
  readonly code = 'alreadyDecided';
}

/** A table whose help.show handler is replaced by the one under test. */
function tableWith(
  handle: Parameters<typeof defineHandler>[1],
  schema: z.ZodType = z.object({ note: z.string() }),
): VerbTable {
  return {
    ...composeVerbTables([createHelpVerbs()], unwiredVerb()),
    'help.show': defineHandler(schema, handle),
  };
}

describe('InvokeRouter', () => {
  it('hands the handler the authenticated actor and the validated data, and wraps its card', async () => {
    let seen: unknown;
    const router = new InvokeRouter(
      tableWith(async (input) => {
        seen = { actor: input.actor, data: input.data, token: await input.userToken() };
        return renderNoticeCard({ title: 'ok', text: 'done' });
      }),
      sso,
    );
    // A card cannot choose who acts: a userId in its data is just data.
    const response = await router.route(
      turnFor(invokeAction('help.show', { note: 'hi', userId: 'someone-else' })),
      log,
    );
    assert.equal(response.statusCode, 200);
    assert.equal(response.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(cardText(response.value), /done/);
    assert.deepEqual(seen, {
      actor: { userId: ADELE.aadObjectId, tenantId: TENANT, name: ADELE.name },
      data: { note: 'hi' },
      token: 'sso-token',
    });
  });

  it('turns a domain error into an error card with its message and code', async () => {
    const router = new InvokeRouter(
      tableWith(async () => {
        throw new AlreadyDecidedError('Miriam already approved this request.');
      }),
      sso,
    );
    const response = await router.route(turnFor(invokeAction('help.show', { note: 'x' })), log);
    assert.equal(response.statusCode, 200);
    assert.match(cardText(response.value), /Miriam already approved this request/);
    assert.match(cardText(response.value), /alreadyDecided/);
  });

  it('answers with a loginRequest when the handler needs a token the user has not given', async () => {
    const router = new InvokeRouter(
      tableWith(async () => {
        throw new SignInRequiredError('Please sign in so I can act as you.');
      }),
      sso,
    );
    assert.deepEqual(
      await router.route(turnFor(invokeAction('help.show', { note: 'x' })), log),
      loginRequest,
    );
  });

  it('rethrows unexpected errors so onTurnError sees them, and never runs a handler on bad data', async () => {
    let calls = 0;
    const router = new InvokeRouter(
      tableWith(async () => {
        calls += 1;
        throw new TypeError('boom');
      }),
      sso,
    );
    await assert.rejects(router.route(turnFor(invokeAction('help.show', { note: 'x' })), log), /boom/);
    const bad = await router.route(turnFor(invokeAction('help.show', { note: 42 })), log);
    assert.match(cardText(bad.value), /invalidData/);
    assert.match(cardText(bad.value), /note/);
    assert.equal(calls, 1);
  });

  it('refuses an invoke without aadObjectId before any handler runs', async () => {
    let calls = 0;
    const router = new InvokeRouter(
      tableWith(async () => {
        calls += 1;
        return renderNoticeCard({ title: 'x', text: 'y' });
      }),
      sso,
    );
    const response = await router.route(
      turnFor(invokeAction('help.show', { note: 'x' }, { aadObjectId: undefined })),
      log,
    );
    assert.match(cardText(response.value), /unknownUser/);
    assert.equal(calls, 0);
  });
});

describe('composeVerbTables', () => {
  it('refuses a verb claimed by two modules', () => {
    assert.throws(
      () => composeVerbTables([createHelpVerbs(), createHelpVerbs()], unwiredVerb()),
      /help.show is handled twice/,
    );
  });

  it('refuses to start when a verb the cards use has no handler', () => {
    assert.throws(() => composeVerbTables([{}]), /No handler for verb\(s\): help.show/);
  });

  it('answers verbs without a handler with a notAvailable error card when given a fallback', async () => {
    const table = composeVerbTables([createHelpVerbs()], unwiredVerb());
    const anyOther = VERBS.find((v) => v !== 'help.show');
    if (!anyOther) return; // only help.show exists: nothing can be missing
    const response = await new InvokeRouter(table, sso).route(turnFor(invokeAction(anyOther, {})), log);
    assert.match(cardText(response.value), /notAvailable/);
  });
});
