import type { GraphVersion } from './routing';

/** One Graph call, from HTTP or from a $batch item. */
export interface GraphCall {
  method: string;
  version: GraphVersion;
  /** Path after the version, e.g. /users/123. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: unknown;
  /** https://host:port the caller used. */
  origin: string;
  inBatch: boolean;
}

/** What the pipeline answers: status, headers (always request ids) and a JSON body. */
export interface GraphReply {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}
