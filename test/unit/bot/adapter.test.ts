import { strict as assert } from 'node:assert';
import { INVOKE_RESPONSE_KEY, TurnContext, type Activity } from 'botbuilder';
import pino from 'pino';
import { createAdapter, createBotFrameworkAuth } from '../../../bot/adapter';
import { cardText } from '../../../emulator/teams/cards';
import { loadConfig } from '../../../services/config';

describe('CloudAdapter onTurnError', () => {
  it('answers a failing invoke with a 200 invoke response carrying the generic error card', async () => {
    const config = loadConfig({});
    const adapter = createAdapter(createBotFrameworkAuth(config), pino({ level: 'silent' }));
    const context = new TurnContext(adapter, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'f:1',
      channelId: 'msteams',
      conversation: { id: 'a:1', isGroup: false, conversationType: 'personal', name: '' },
      from: { id: '29:1', name: 'x' },
      recipient: { id: '28:bot', name: 'bot' },
    });
    await adapter.onTurnError(context, new Error('boom'));
    const response = context.turnState.get(INVOKE_RESPONSE_KEY) as {
      value: { status: number; body: { statusCode: number; value: unknown } };
    };
    assert.equal(response.value.status, 200);
    assert.equal(response.value.body.statusCode, 200);
    assert.match(cardText(response.value.body.value), /Something went wrong on my side/);
  });
});

describe('createBotFrameworkAuth', () => {
  const message = { type: 'message', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/' } as Activity;

  it('turns auth off in demo mode, as botbuilder does without an app id', async () => {
    const auth = createBotFrameworkAuth(loadConfig({}));
    const result = await auth.authenticateRequest(message, '');
    assert.equal(
      (result.claimsIdentity as unknown as { authenticationType: string }).authenticationType,
      'anonymous',
    );
    assert.deepEqual(result.claimsIdentity.claims, []);
  });

  it('requires a channel JWT once an app id is set', async () => {
    const config = loadConfig({
      MicrosoftAppId: 'c2b5e1a4-7d3f-4e8b-9f61-2a4d8c0e6b35',
      MicrosoftAppPassword: 'pw',
      MicrosoftAppTenantId: '82af6c37-3451-5e51-94ea-7d0d633a16c5',
      MONGODB_URI: 'mongodb://127.0.0.1:1/x',
    });
    const auth = createBotFrameworkAuth(config);
    await assert.rejects(auth.authenticateRequest(message, ''), /Unauthorized|authorization|header/i);
  });
});
