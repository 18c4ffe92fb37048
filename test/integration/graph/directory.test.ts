import { directoryContract } from '../../contracts/graph/directory.contract';
import { startGraphHarness, type GraphHarness } from './harness';

describe('GraphDirectoryGateway against the Graph emulator', () => {
  let h: GraphHarness;
  before(async () => {
    h = await startGraphHarness();
  });
  after(() => h?.stop());
  directoryContract(() => h);
});
