import { entitlementContract } from '../../contracts/graph/entitlement.contract';
import { startGraphHarness, type GraphHarness } from './harness';

describe('GraphEntitlementGateway against the Graph emulator', () => {
  let h: GraphHarness;
  before(async () => {
    h = await startGraphHarness();
  });
  after(() => h?.stop());
  entitlementContract(() => h);
});
