import { pimContract } from '../../contracts/graph/pim.contract';
import { startGraphHarness, type GraphHarness } from './harness';

describe('GraphPimGateway against the Graph emulator', () => {
  let h: GraphHarness;
  before(async () => {
    h = await startGraphHarness();
  });
  after(() => h?.stop());
  pimContract(() => h);
});
