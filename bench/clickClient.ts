import { Worker } from 'node:worker_threads';
import { join } from 'node:path';

/** One posted activity as the client saw it. */
export interface PostedTurn {
  /** From sending the request to reading the whole answer, in milliseconds. */
  ms: number;
  /** When it was sent, in epoch ms with sub-millisecond resolution (performance.timeOrigin based). */
  sentAt: number;
  status: number;
  /** The answer's body, unparsed. */
  text: string;
}

/**
 * Posts activities to a bot from a worker thread over keep-alive connections, as the Teams service
 * does from its own machines. Why: with the client in the bot's event loop, the client's own work was
 * timed as the bot's, and so was whatever the bot did next (a decision's effects and the emulator's
 * answers to them) before the client got round to reading the answer. And a Node process whose CPU is
 * saturated serves the connections it has before it accepts new ones: with 100 new connections, 15 of
 * the first 100 clicks waited until the other 985 were done (p99 = the whole run, for 1 ms turns), so
 * a burst opens its connections first.
 */
export class WorkerClient {
  private readonly worker = new Worker(join(__dirname, 'clickWorker.mjs'));
  private readonly waiting = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void; progress?(done: number): void }
  >();
  private seq = 0;

  constructor() {
    this.worker.on('message', (m: { id: number; result?: unknown; error?: string; done?: number }) => {
      const { id, result, error, done } = m;
      const w = this.waiting.get(id);
      if (done !== undefined) return w?.progress?.(done);
      this.waiting.delete(id);
      if (error !== undefined) w?.reject(new Error(error));
      else w?.resolve(result);
    });
    this.worker.on('error', (err) => this.waiting.forEach((w) => w.reject(err)));
  }

  /** One activity (JSON), timed by the worker. */
  post(url: string, body: string): Promise<PostedTurn> {
    return this.ask({ kind: 'post', url, body }) as Promise<PostedTurn>;
  }

  /**
   * All `bodies` at once, `concurrency` at a time over as many connections opened beforehand;
   * `progress` hears how many are answered, every few answers.
   */
  burst(
    url: string,
    bodies: string[],
    concurrency: number,
    progress?: (answered: number) => void,
  ): Promise<{ answers: PostedTurn[]; seconds: number }> {
    return this.ask({ kind: 'burst', url, bodies, concurrency }, progress) as Promise<{
      answers: PostedTurn[];
      seconds: number;
    }>;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private ask(message: Record<string, unknown>, progress?: (done: number) => void): Promise<unknown> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, progress });
      this.worker.postMessage({ id, ...message });
    });
  }
}
