import type { GraphModule, ModuleContext, RouteDef } from '../../routing';
import { PimService } from './service';
import { PimViews } from './views';
import { scheduleRoutes } from './routes/schedules';
import { requestRoutes } from './routes/requests';
import { policyRoutes } from './routes/policies';
import { approvalRoutes } from './routes/approvals';

/** PIM for Entra roles (`/roleManagement/directory`, role management policies), seeded from the fixture. */
export const pimModule: GraphModule = {
  name: 'pim',
  routes(ctx: ModuleContext): RouteDef[] {
    const pim = new PimService(ctx);
    const views = new PimViews(pim.state, ctx.directory);
    return [
      ...scheduleRoutes(pim, views, ctx.roles),
      ...requestRoutes(pim, views, ctx.roles),
      ...policyRoutes(pim, ctx.directory, ctx.roles),
      ...approvalRoutes(pim, views, ctx.roles),
    ];
  },
};
