import { securityReportsContract } from '../../contracts/graph/securityReports.contract';
import { startGraphHarness, type GraphHarness } from './harness';

describe('GraphSecurityReportsGateway against the Graph emulator', () => {
  let h: GraphHarness;
  before(async () => {
    h = await startGraphHarness();
  });
  after(() => h?.stop());
  securityReportsContract(() => h);
});
