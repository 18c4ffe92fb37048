import type {
  DecisionToRecord,
  ReviewDecisionItem,
  ReviewDefinition,
  ReviewInstance,
  ReviewsGateway,
} from '../../ports/reviews';
import type { DelegatedIdentity } from '../../ports/userTokens';
import type { GraphClientFactory } from './clientFactory';
import type { Json } from './entitlementMappers';
import { seg } from './odata';
import { toDecision, toDefinition, toInstance } from './reviewMappers';

const AR = '/identityGovernance/accessReviews/definitions';
const MINE = "filterByCurrentUser(on='reviewer')";

const instancePath = (d: string, i: string) => `${AR}/${seg(d)}/instances/${seg(i)}`;

/** Access reviews over Microsoft Graph v1.0. */
export class GraphReviewsGateway implements ReviewsGateway {
  constructor(private readonly graph: GraphClientFactory) {}

  async myReviews(who: DelegatedIdentity): Promise<ReviewDefinition[]> {
    return (await this.graph.user(who).getAll<Json>('my reviews', `${AR}/${MINE}`)).map(toDefinition);
  }

  async myInstances(who: DelegatedIdentity, definitionId: string): Promise<ReviewInstance[]> {
    const items = await this.graph
      .user(who)
      .getAll<Json>('my review instances', `${AR}/${seg(definitionId)}/instances/${MINE}`);
    return items.map((i) => toInstance(definitionId, i));
  }

  async myDecisions(
    who: DelegatedIdentity,
    definitionId: string,
    instanceId: string,
  ): Promise<ReviewDecisionItem[]> {
    const items = await this.graph
      .user(who)
      .getAll<Json>('my decisions', `${instancePath(definitionId, instanceId)}/decisions/${MINE}`);
    return items.map(toDecision);
  }

  async recordDecision(
    who: DelegatedIdentity,
    definitionId: string,
    instanceId: string,
    item: DecisionToRecord,
  ): Promise<void> {
    const path = `${instancePath(definitionId, instanceId)}/decisions/${seg(item.decisionId)}`;
    await this.graph.user(who).patch('record decision', path, decisionBody(item));
  }

  async recordDecisions(
    who: DelegatedIdentity,
    definitionId: string,
    instanceId: string,
    items: DecisionToRecord[],
  ): Promise<Map<string, Error | undefined>> {
    const session = this.graph.user(who);
    const base = `${instancePath(definitionId, instanceId)}/decisions`;
    const answers = await session.batch(
      'record decisions',
      items.map((item, i) => ({
        id: String(i),
        method: 'PATCH',
        url: `${base}/${seg(item.decisionId)}`,
        body: decisionBody(item),
      })),
    );
    const out = new Map<string, Error | undefined>();
    items.forEach((item, i) => {
      const answer = answers.get(String(i))!;
      out.set(item.decisionId, answer.status < 300 ? undefined : session.itemError(answer));
    });
    return out;
  }

  async listDefinitions(): Promise<ReviewDefinition[]> {
    return (await this.graph.app().getAll<Json>('review definitions', AR)).map(toDefinition);
  }

  async listInstances(definitionId: string): Promise<ReviewInstance[]> {
    const items = await this.graph
      .app()
      .getAll<Json>('review instances', `${AR}/${seg(definitionId)}/instances`);
    return items.map((i) => toInstance(definitionId, i));
  }

  async listDecisions(definitionId: string, instanceId: string): Promise<ReviewDecisionItem[]> {
    return (
      await this.graph
        .app()
        .getAll<Json>('review decisions', `${instancePath(definitionId, instanceId)}/decisions`)
    ).map(toDecision);
  }
}

function decisionBody(item: DecisionToRecord) {
  return item.justification
    ? { decision: item.decision, justification: item.justification }
    : { decision: item.decision };
}
