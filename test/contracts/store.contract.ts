import type { Store } from '../../services/ports/store';
import { auditLogContract } from './auditLog.contract';
import { concurrencyContract } from './concurrency.contract';
import { conversationStoreContract } from './conversationStore.contract';
import { digestStoreContract } from './digestStore.contract';
import { jobStoreContract } from './jobStore.contract';
import { workflowStoreContract } from './workflowStore.contract';

/** Gives each contract test the store of the current test. */
export type CurrentStore = () => Store;

/**
 * The behaviour every Store adapter must have, run against each of them (memory, MongoDB).
 * `makeStore` gives a fresh, empty store for each test; `cleanup` disposes of it.
 */
export function storeContract(
  name: string,
  makeStore: () => Promise<Store>,
  cleanup: (store: Store) => Promise<void>,
): void {
  describe(`Store contract: ${name}`, function () {
    let store: Store | undefined;
    const current: CurrentStore = () => {
      if (!store) throw new Error('no store: beforeEach did not run');
      return store;
    };

    beforeEach(async function () {
      store = await makeStore();
    });

    afterEach(async function () {
      if (store) await cleanup(store);
      store = undefined;
    });

    it('answers ping', async function () {
      await current().ping();
    });

    workflowStoreContract(current);
    jobStoreContract(current);
    auditLogContract(current);
    conversationStoreContract(current);
    concurrencyContract(current);
    digestStoreContract(current);
  });
}
