import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TeamsChannel } from '../../../../emulator/teams/channel';

/** The fields of a posted activity the tests read. */
interface Posted {
  type: string;
  channelId: string;
  from: unknown;
  conversation: unknown;
  recipient: { id: string };
  serviceUrl: string;
  entities: { type: string; timezone?: string }[];
  channelData: { tenant: unknown };
  name?: string;
  replyToId?: string;
  value: { action: { verb: string; data: unknown } };
}

/** A pretend bot that records what the channel posts and answers invokes with a fixed body. */
async function fakeBot(): Promise<{ url: string; received: Posted[]; server: Server }> {
  const received: Posted[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const activity = JSON.parse(raw) as Posted;
      received.push(activity);
      res.setHeader('content-type', 'application/json');
      res.end(activity.type === 'invoke' ? JSON.stringify({ statusCode: 200, type: 'x', value: 'ok' }) : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`, received, server };
}

describe('Teams channel stand-in', () => {
  let channel: TeamsChannel;
  let bot: Awaited<ReturnType<typeof fakeBot>>;
  beforeEach(async () => {
    channel = await TeamsChannel.start({ botAppId: 'c2b5e1a4-7d3f-4e8b-9f61-2a4d8c0e6b35' });
    bot = await fakeBot();
    channel.connect(bot.url);
  });
  afterEach(async () => {
    await channel.stop();
    await new Promise((resolve) => bot.server.close(resolve));
  });

  it('posts Teams-shaped personal activities from demo users', async () => {
    await channel.send('AdeleV', 'help');
    await channel.invoke('AdeleV', 'help.show', { a: 1 }, { replyToId: '1:card' });
    const [message, invoke] = bot.received;
    const adele = channel.user('AdeleV');
    assert.equal(message!.channelId, 'msteams');
    assert.deepEqual(message!.from, { id: adele.id, name: 'Adele Vance', aadObjectId: adele.aadObjectId });
    assert.match(adele.id, /^29:/);
    assert.deepEqual(message!.conversation, {
      id: adele.conversationId,
      conversationType: 'personal',
      tenantId: adele.tenantId,
    });
    assert.equal(message!.recipient.id, '28:c2b5e1a4-7d3f-4e8b-9f61-2a4d8c0e6b35');
    assert.equal(message!.serviceUrl, channel.serviceUrl);
    assert.equal(message!.entities[0]?.type, 'clientInfo');
    assert.ok(message!.entities[0]?.timezone);
    assert.deepEqual(message!.channelData.tenant, { id: adele.tenantId });
    assert.equal(invoke!.name, 'adaptiveCard/action');
    assert.equal(invoke!.replyToId, '1:card');
    assert.deepEqual(invoke!.value.action.verb, 'help.show');
    assert.deepEqual(invoke!.value.action.data, { a: 1 });
  });

  it('returns the bot answer to an invoke', async () => {
    assert.deepEqual(await channel.invoke('AdeleV', 'help.show', {}), {
      status: 200,
      body: { statusCode: 200, type: 'x', value: 'ok' },
    });
  });

  it('serves the connector API for an installed user and records sends, replies, updates and deletes', async () => {
    await channel.install('AdeleV');
    const adele = channel.user('AdeleV');
    const created = await fetch(new URL('v3/conversations', channel.serviceUrl), {
      method: 'POST',
      body: JSON.stringify({
        bot: { id: '28:x' },
        members: [{ id: adele.id }],
        isGroup: false,
        tenantId: adele.tenantId,
      }),
    });
    assert.equal(created.status, 201);
    assert.deepEqual(await created.json(), { id: adele.conversationId });
    const conv = `v3/conversations/${encodeURIComponent(adele.conversationId)}`;
    const sent = (await (
      await fetch(new URL(`${conv}/activities`, channel.serviceUrl), {
        method: 'POST',
        body: '{"type":"message","text":"one"}',
      })
    ).json()) as { id: string };
    const replied = await fetch(new URL(`${conv}/activities/f:incoming`, channel.serviceUrl), {
      method: 'POST',
      body: '{"type":"message","text":"two"}',
    });
    assert.equal(replied.status, 200);
    const updated = await fetch(
      new URL(`${conv}/activities/${encodeURIComponent(sent.id)}`, channel.serviceUrl),
      {
        method: 'PUT',
        body: JSON.stringify({ type: 'message', id: sent.id, text: 'one, edited' }),
      },
    );
    assert.deepEqual(await updated.json(), { id: sent.id });
    const deleted = await fetch(
      new URL(`${conv}/activities/${encodeURIComponent(sent.id)}`, channel.serviceUrl),
      { method: 'DELETE' },
    );
    assert.equal(deleted.status, 200);
    const again = await fetch(
      new URL(`${conv}/activities/${encodeURIComponent(sent.id)}`, channel.serviceUrl),
      { method: 'PUT', body: '{}' },
    );
    assert.equal(again.status, 404);
    assert.deepEqual(
      channel.sentTo('AdeleV').map((r) => [r.op, r.activity?.text]),
      [
        ['createConversation', undefined],
        ['send', 'one'],
        ['reply', 'two'],
        ['update', 'one, edited'],
        ['delete', undefined],
      ],
    );
    const members = (await (await fetch(new URL(`${conv}/members`, channel.serviceUrl))).json()) as {
      aadObjectId: string;
    }[];
    assert.deepEqual(
      members.map((m) => m.aadObjectId),
      [adele.aadObjectId],
    );
    const member = await fetch(
      new URL(`${conv}/members/${encodeURIComponent(adele.id)}`, channel.serviceUrl),
    );
    assert.equal(
      ((await member.json()) as { userPrincipalName: string }).userPrincipalName,
      'AdeleV@contoso.com',
    );
    assert.equal((await fetch(new URL(`${conv}/members/29:someone-else`, channel.serviceUrl))).status, 404);
  });

  it('refuses to reach users who have not installed the app, as Teams does', async () => {
    const megan = channel.user('MeganB');
    const created = await fetch(new URL('v3/conversations', channel.serviceUrl), {
      method: 'POST',
      body: JSON.stringify({ members: [{ id: megan.id }], tenantId: megan.tenantId }),
    });
    assert.equal(created.status, 403);
    const posted = await fetch(
      new URL(`v3/conversations/${encodeURIComponent(megan.conversationId)}/activities`, channel.serviceUrl),
      {
        method: 'POST',
        body: '{"type":"message"}',
      },
    );
    assert.equal(posted.status, 403);
    assert.equal(
      ((await posted.json()) as { error: { code: string } }).error.code,
      'BotNotInConversationRoster',
    );
    assert.equal(
      (
        await fetch(new URL('v3/conversations/a:unknown/activities', channel.serviceUrl), {
          method: 'POST',
          body: '{}',
        })
      ).status,
      404,
    );
  });

  it('installs by Entra object id too, as after a Graph install: the same two activities', async () => {
    const megan = channel.user('MeganB');
    assert.equal(channel.user(megan.aadObjectId.toUpperCase()), megan);
    await channel.install(megan.aadObjectId);
    assert.deepEqual(
      bot.received.map((a) => [a.type, a.from]),
      [
        ['conversationUpdate', { id: megan.id, name: 'Megan Bowen', aadObjectId: megan.aadObjectId }],
        ['installationUpdate', { id: megan.id, name: 'Megan Bowen', aadObjectId: megan.aadObjectId }],
      ],
    );
    const created = await fetch(new URL('v3/conversations', channel.serviceUrl), {
      method: 'POST',
      body: JSON.stringify({ members: [{ id: megan.id }], tenantId: megan.tenantId }),
    });
    assert.notEqual(created.status, 403, 'installed: the connector lets the bot write to her');
  });

  it('waits for what the bot sends, and times out naming what it saw', async () => {
    await channel.install('AdeleV');
    const adele = channel.user('AdeleV');
    const waiting = channel.waitFor((r) => r.activity?.text === 'late', 2000);
    await fetch(
      new URL(`v3/conversations/${encodeURIComponent(adele.conversationId)}/activities`, channel.serviceUrl),
      {
        method: 'POST',
        body: '{"type":"message","text":"late"}',
      },
    );
    assert.equal((await waiting).alias, 'AdeleV');
    await assert.rejects(
      channel.waitFor((r) => r.activity?.text === 'never', 100),
      /Nothing matching arrived within 100 ms; seen: \[send AdeleV\]/,
    );
  });
});
