import type { GraphModule, ModuleContext, RouteDef } from '../../routing';
import { ReviewService } from './service';
import { ReviewViews } from './views';
import { definitionRoutes } from './routes/definitions';
import { decisionRoutes } from './routes/decisions';

/** Access reviews (`/identityGovernance/accessReviews/definitions`), seeded from the tenant fixture. */
export const reviewsModule: GraphModule = {
  name: 'reviews',
  routes(ctx: ModuleContext): RouteDef[] {
    const reviews = new ReviewService(ctx);
    const views = new ReviewViews(reviews, ctx.directory);
    return [...definitionRoutes(reviews, views, ctx.roles), ...decisionRoutes(reviews, views, ctx.roles)];
  },
};
