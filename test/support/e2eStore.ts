import { createMemoryStore } from '../../services/adapters/memory';
import type { Store } from '../../services/ports/store';
import { mongoTestDb } from './mongo';

/** Where an e2e app's bots keep their state: `open` once per bot started, `dispose` at the end. */
export interface E2eStores {
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

/**
 * The store of an e2e app whose test names none: memory by default; with `E2E_STORE=mongodb`, a database
 * of its own on the run's MongoDB (FerretDB under `npm test`), opened anew for each bot started, as a new
 * process would. `npm run test:e2e:mongodb` runs every journey that way (both stores, issue 7).
 */
export function e2eStores(label: string, given?: Store): E2eStores {
  if (given) return { open: () => Promise.resolve(given), dispose: () => Promise.resolve() };
  if (process.env.E2E_STORE === 'mongodb') {
    const db = mongoTestDb(`e2e_${label}`);
    return { open: () => db.connect(), dispose: () => db.drop() };
  }
  const store = createMemoryStore();
  return { open: () => Promise.resolve(store), dispose: () => Promise.resolve() };
}
