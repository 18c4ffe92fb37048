import { Worker } from 'node:worker_threads';
import { join } from 'node:path';

/** One posted activity as the client saw it (seconds: the whole run, from the first post to the last answer). */
export interface ClickAnswer {
  /** From sending the request to reading the whole answer, in milliseconds. */
  ms: number;
  status: number;
  /** The answer's body, unparsed. */
  text: string;
}

/**
 * Posts `bodies` (activities, as JSON) to the bot from a worker thread, `concurrency` at a time over as
 * many keep-alive connections opened beforehand, as the Teams service posts over connections it keeps.
 * Why: with the client in the bot's event loop, the client's own work was timed as the bot's; and a
 * Node process whose CPU is saturated serves the connections it has before it accepts new ones, so
 * 15 of the first 100 clicks waited for their connection until the other 985 were done (p99 = the
 * whole run, for 1 ms turns).
 */
export function postFromWorker(
  url: string,
  bodies: string[],
  concurrency: number,
): Promise<{ answers: ClickAnswer[]; seconds: number }> {
  return new Promise((resolve, reject) => {
    const workerData = { url, bodies, concurrency };
    const worker = new Worker(join(__dirname, 'clickWorker.mjs'), { workerData });
    worker.once('message', (result: { answers: ClickAnswer[]; seconds: number }) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`click client exited with ${code}`)));
  });
}
