import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type TurnContext,
} from 'botbuilder';
import restify from 'restify';

const CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Hello from the floor bot', wrap: true }],
};

/**
 * The floor the turn benchmarks are measured against: a bare botbuilder CloudAdapter on restify, no
 * auth (as demo mode), answering a message with a small card and an Action.Execute with a small card.
 */
export async function startFloorBot(): Promise<{ url: string; stop(): Promise<void> }> {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppType: 'MultiTenant' }),
  );
  const bot = new (class extends ActivityHandler {
    constructor() {
      super();
      this.onMessage(async (context, next) => {
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(CARD)));
        await next();
      });
    }
    protected override async onInvokeActivity(_context: TurnContext) {
      return {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: CARD },
      };
    }
  })();
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
