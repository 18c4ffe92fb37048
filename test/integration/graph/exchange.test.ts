import { exchangeContract } from '../../contracts/graph/exchange.contract';
import { startGraphHarness, type GraphHarness } from './harness';

describe('ExchangeAdminGateway against the Graph emulator', () => {
  let h: GraphHarness;
  before(async () => {
    h = await startGraphHarness();
  });
  after(() => h?.stop());
  exchangeContract(() => h);
});
