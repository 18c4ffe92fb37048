import { MongoServerError } from 'mongodb';

/** True for E11000: a unique index (or _id) already holds the value. */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}
