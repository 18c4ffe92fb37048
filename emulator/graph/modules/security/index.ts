import { coreFixture } from '../../../tenant/fixture';
import { odataCollection } from '../../odata';
import type { GraphModule, Permissions, RouteDef } from '../../routing';
import { controlProfiles, secureScores } from './secureScores';

const READ: Permissions = {
  delegated: ['SecurityEvents.Read.All', 'SecurityEvents.ReadWrite.All'],
  application: ['SecurityEvents.Read.All', 'SecurityEvents.ReadWrite.All'],
};
const BOTH: RouteDef['versions'] = ['v1.0', 'beta'];

/** Microsoft Secure Score: weekly history and control profiles. */
export const securityModule: GraphModule = {
  name: 'security',
  routes(ctx) {
    const f = coreFixture(ctx.fixture);
    return [
      {
        method: 'GET',
        path: '/security/secureScores',
        versions: BOTH,
        permissions: READ,
        handler: (req) =>
          odataCollection(req, secureScores(f.secureScore, f.tenant.id, ctx.clock.now()), {
            context: 'security/secureScores',
          }),
      },
      {
        method: 'GET',
        path: '/security/secureScoreControlProfiles',
        versions: BOTH,
        permissions: READ,
        handler: (req) =>
          odataCollection(req, controlProfiles(f.secureScore, f.tenant.id), {
            context: 'security/secureScoreControlProfiles',
          }),
      },
    ];
  },
};
