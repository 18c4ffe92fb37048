import type { GraphModule, ModuleContext, RouteDef } from '../../routing';
import { EntitlementService } from './service';
import { EntitlementViews } from './views';
import { AssignmentViews } from './assignmentViews';
import { packageRoutes } from './routes/packages';
import { requestRoutes } from './routes/requests';
import { approvalRoutes } from './routes/approvals';
import { assignmentRoutes } from './routes/assignments';

/** Entitlement management (`/identityGovernance/entitlementManagement`), seeded from the tenant fixture. */
export const entitlementModule: GraphModule = {
  name: 'entitlement',
  routes(ctx: ModuleContext): RouteDef[] {
    const em = new EntitlementService(ctx);
    const views = new EntitlementViews(em.state);
    const assignments = new AssignmentViews(em.state, ctx.directory);
    return [
      ...packageRoutes(em, views, ctx.directory, ctx.roles),
      ...requestRoutes(em, assignments, ctx.roles),
      ...approvalRoutes(em, ctx.roles),
      ...assignmentRoutes(em, assignments, ctx.roles),
    ];
  },
};
