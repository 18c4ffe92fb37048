import { createMemoryStore } from '../../../../services/adapters/memory';
import { storeContract } from '../../../contracts/store.contract';

storeContract(
  'in-memory',
  async () => createMemoryStore(),
  async (store) => store.close(),
);
