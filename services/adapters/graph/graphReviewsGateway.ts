import type {
  DecisionToRecord,
  ReviewDecisionItem,
  ReviewDefinition,
  ReviewInstance,
  ReviewReviewer,
  ReviewsGateway,
} from '../../ports/reviews';
import type { DelegatedIdentity } from '../../ports/userTokens';
import type { GraphClientFactory } from './clientFactory';
import type { GraphSession } from './graphSession';
import type { Json } from './entitlementMappers';
import { str } from './json';
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
      // insights carry each person's last sign-in (userSignInInsight), the ground of the recommendation.
      .getAll<Json>(
        'my decisions',
        `${instancePath(definitionId, instanceId)}/decisions/${MINE}?$expand=insights`,
      );
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

  async acceptRecommendations(who: DelegatedIdentity, definitionId: string, instanceId: string) {
    const path = `${instancePath(definitionId, instanceId)}/acceptRecommendations`;
    await this.graph.user(who).post('accept recommendations', path);
  }

  async stopInstance(who: DelegatedIdentity, definitionId: string, instanceId: string) {
    await this.graph.user(who).post('stop review', `${instancePath(definitionId, instanceId)}/stop`);
  }

  async applyDecisions(who: DelegatedIdentity, definitionId: string, instanceId: string) {
    const path = `${instancePath(definitionId, instanceId)}/applyDecisions`;
    await this.graph.user(who).post('apply review decisions', path);
  }

  async getDefinition(definitionId: string): Promise<ReviewDefinition> {
    return toDefinition(await this.graph.app().get<Json>('review definition', `${AR}/${seg(definitionId)}`));
  }

  async contactedReviewers(definitionId: string, instanceId: string): Promise<ReviewReviewer[]> {
    const path = `${instancePath(definitionId, instanceId)}/contactedReviewers`;
    const rows = await this.graph.app().getAll<Json>('review reviewers', path);
    return rows.map((r) => ({ id: String(r.id), displayName: str(r.displayName) }));
  }

  async listDefinitions(): Promise<ReviewDefinition[]> {
    return this.definitions(this.graph.app());
  }

  async listInstances(definitionId: string): Promise<ReviewInstance[]> {
    return this.instances(this.graph.app(), definitionId);
  }

  async listDecisions(definitionId: string, instanceId: string): Promise<ReviewDecisionItem[]> {
    return this.decisions(this.graph.app(), definitionId, instanceId);
  }

  async definitionsAs(who: DelegatedIdentity): Promise<ReviewDefinition[]> {
    return this.definitions(this.graph.user(who));
  }

  async instancesAs(who: DelegatedIdentity, definitionId: string): Promise<ReviewInstance[]> {
    return this.instances(this.graph.user(who), definitionId);
  }

  async decisionsAs(who: DelegatedIdentity, definitionId: string, instanceId: string) {
    return this.decisions(this.graph.user(who), definitionId, instanceId);
  }

  private async definitions(session: GraphSession): Promise<ReviewDefinition[]> {
    return (await session.getAll<Json>('review definitions', AR)).map(toDefinition);
  }

  private async instances(session: GraphSession, definitionId: string): Promise<ReviewInstance[]> {
    const items = await session.getAll<Json>('review instances', `${AR}/${seg(definitionId)}/instances`);
    return items.map((i) => toInstance(definitionId, i));
  }

  private async decisions(session: GraphSession, definitionId: string, instanceId: string) {
    const path = `${instancePath(definitionId, instanceId)}/decisions`;
    return (await session.getAll<Json>('review decisions', path)).map(toDecision);
  }
}

function decisionBody(item: DecisionToRecord) {
  return item.justification
    ? { decision: item.decision, justification: item.justification }
    : { decision: item.decision };
}
