import { reviewsContract } from '../../contracts/graph/reviews.contract';
import { startGraphHarness, type GraphHarness } from './harness';

describe('GraphReviewsGateway against the Graph emulator', () => {
  let h: GraphHarness;
  before(async () => {
    h = await startGraphHarness();
  });
  after(() => h?.stop());
  reviewsContract(() => h);
});
