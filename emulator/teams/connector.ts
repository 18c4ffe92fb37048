import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Recorder } from './recorder';
import type { ChannelUser } from './users';

/** Which users exist and which have the app installed; the connector refuses the others as Teams does. */
export interface ConnectorDirectory {
  byChannelId(id: string): ChannelUser | undefined;
  byConversationId(id: string): ChannelUser | undefined;
  isInstalled(user: ChannelUser): boolean;
}

type Answer = { status: number; body?: unknown };

/** Says why the request's Authorization header is refused, or undefined to let it through. */
export type ConnectorAuthorizer = (authorization: string | undefined) => Promise<string | undefined>;

const error = (status: number, code: string, message: string): Answer => ({
  status,
  body: { error: { code, message } },
});

/**
 * The Bot Framework connector REST API (v3) the bot calls at the activities' serviceUrl: create a 1:1
 * conversation, send, reply, update, delete, and read members. It records every message the bot sends.
 */
export class ConnectorServer {
  private readonly server: Server;
  private readonly deleted = new Set<string>();
  private readonly known = new Set<string>();
  /** Why each refused call was refused (auth mode), for tests to inspect. */
  readonly refusals: string[] = [];

  constructor(
    private readonly directory: ConnectorDirectory,
    private readonly recorder: Recorder,
    /** When set, every call needs the bot's bearer token (401 otherwise), as the real connector does. */
    private readonly authorize?: ConnectorAuthorizer,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** Starts on 127.0.0.1 and returns the serviceUrl (with its trailing slash, as Teams sends it). */
  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let answer: Answer;
    try {
      const body = await readJson(req);
      const refused = await this.authorize?.(req.headers.authorization);
      if (refused !== undefined) {
        this.refusals.push(refused);
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Authorization has been denied for this request.' }));
        return;
      }
      answer = this.route(
        req.method ?? 'GET',
        new URL(req.url ?? '/', 'http://x').pathname,
        body,
        Boolean(req.headers.authorization),
      );
    } catch (err) {
      answer = error(400, 'BadArgument', (err as Error).message);
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }

  private route(method: string, path: string, body: Record<string, unknown>, authorized: boolean): Answer {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return error(404, 'NotFound', `No route ${path}`);
    if (parts.length === 2 && method === 'POST') return this.createConversation(body, authorized);
    const user = this.directory.byConversationId(parts[2] ?? '');
    if (!user) return error(404, 'ConversationNotFound', 'Conversation not found.');
    if (!this.directory.isInstalled(user))
      return error(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
    const [, , conversationId = '', section, itemId] = parts;
    if (section === 'members') return this.members(user, itemId);
    if (section !== 'activities') return error(404, 'NotFound', `No route ${path}`);
    const record = (op: 'send' | 'reply' | 'update', activityId: string): Answer => {
      this.known.add(activityId);
      this.recorder.add({ op, conversationId, activityId, alias: user.alias, activity: body, authorized });
      return { status: 200, body: { id: activityId } };
    };
    if (method === 'POST') return record(itemId ? 'reply' : 'send', `1:${randomUUID()}`);
    if (!itemId || !this.known.has(itemId) || this.deleted.has(itemId))
      return error(404, 'ActivityNotFound', 'Unknown activity.');
    if (method === 'PUT') return record('update', itemId);
    if (method === 'DELETE') {
      this.deleted.add(itemId);
      this.recorder.add({ op: 'delete', conversationId, activityId: itemId, alias: user.alias, authorized });
      return { status: 200 };
    }
    return error(405, 'MethodNotAllowed', `${method} ${path}`);
  }

  private createConversation(body: Record<string, unknown>, authorized: boolean): Answer {
    const members = body.members as { id?: string }[] | undefined;
    if (!members?.length || body.isGroup)
      return error(400, 'BadArgument', 'Exactly one member is needed for a 1:1 chat.');
    const user = this.directory.byChannelId(members[0]?.id ?? '');
    if (!user) return error(400, 'BadArgument', 'Unknown member.');
    if (!this.directory.isInstalled(user))
      return error(403, 'Forbidden', 'The app is not installed for this user.');
    this.recorder.add({
      op: 'createConversation',
      conversationId: user.conversationId,
      activityId: '',
      alias: user.alias,
      activity: body,
      authorized,
    });
    return { status: 201, body: { id: user.conversationId } };
  }

  private members(user: ChannelUser, memberId?: string): Answer {
    const member = {
      id: user.id,
      name: user.name,
      aadObjectId: user.aadObjectId,
      email: user.email,
      userPrincipalName: user.userPrincipalName,
      tenantId: user.tenantId,
      userRole: 'user',
    };
    if (!memberId) return { status: 200, body: [member] };
    if (memberId !== user.id && memberId !== user.aadObjectId)
      return error(404, 'MemberNotFoundInConversation', 'Member not found.');
    return { status: 200, body: member };
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  return JSON.parse(text) as Record<string, unknown>;
}
