import { strict as assert } from 'node:assert';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { appCredential, graphClient, oboCredential, useEmulator } from '../../../support/emulator';

const DEFS = '/identityGovernance/accessReviews/definitions';
const FALCON_REVIEW = '2de93ae6-dab7-5772-83f1-7112d4e076b0';

describe('emulator access reviews over HTTPS (real tokens, real Graph client)', () => {
  const { emu } = useEmulator();
  const as = (alias: string) => graphClient(emu(), oboCredential(emu(), alias));
  const idOf = (alias: string) => emu().directory.userByAlias(alias)!.id;

  it("lets the group owner see and decide the review's items; others are refused", async () => {
    const instances = await as('NestorW')
      .api(`${DEFS}/${FALCON_REVIEW}/instances/filterByCurrentUser(on='reviewer')`)
      .get();
    assert.equal(instances.value.length, 1);
    const iid = instances.value[0].id;
    const items = await as('NestorW')
      .api(`${DEFS}/${FALCON_REVIEW}/instances/${iid}/decisions/filterByCurrentUser(on='reviewer')`)
      .get();
    const grady = items.value.find((d: { principal: { id: string } }) => d.principal.id === idOf('GradyA'));
    assert.equal(grady.recommendation, 'Deny');
    assert.equal(grady.decision, 'NotReviewed');
    const url = `${DEFS}/${FALCON_REVIEW}/instances/${iid}/decisions/${grady.id}`;
    await assert.rejects(
      as('NestorW').api(url).patch({ decision: 'Approve' }),
      (e: GraphError) => e.statusCode === 400,
    );
    await as('NestorW').api(url).patch({ decision: 'Approve', justification: 'Still designing for Falcon' });
    assert.equal((await as('NestorW').api(url).get()).decision, 'Approve');
    await assert.rejects(
      as('AlexW').api(url).patch({ decision: 'Deny' }),
      (e: GraphError) => e.statusCode === 403,
    );
    await as('NestorW')
      .api(`${DEFS}/${FALCON_REVIEW}/instances/${iid}/batchRecordDecisions`)
      .post({ decision: 'Deny', justification: 'left', principalId: idOf('DiegoS') });
    const denied = await as('NestorW')
      .api(`${DEFS}/${FALCON_REVIEW}/instances/${iid}/decisions`)
      .filter("decision eq 'Deny'")
      .get();
    assert.deepEqual(
      denied.value.map((d: { principal: { id: string } }) => d.principal.id),
      [idOf('DiegoS')],
    );
  });

  it('stops a review with an app token, applies denials to the group, then refuses decisions (409)', async () => {
    const app = graphClient(emu(), appCredential(emu()));
    const iid = (await app.api(`${DEFS}/${FALCON_REVIEW}/instances`).get()).value[0].id;
    await app.api(`${DEFS}/${FALCON_REVIEW}/instances/${iid}/stop`).post({});
    const instance = await app.api(`${DEFS}/${FALCON_REVIEW}/instances/${iid}`).get();
    assert.equal(instance.status, 'Completed');
    const falcon = emu().directory.groupByName('Project Falcon')!.id;
    assert.ok(!emu().directory.groupMemberIds(falcon).includes(idOf('DiegoS')));
    await assert.rejects(
      as('NestorW')
        .api(`${DEFS}/${FALCON_REVIEW}/instances/${iid}/batchRecordDecisions`)
        .post({ decision: 'Approve', justification: 'late' }),
      (e: GraphError) => e.statusCode === 409,
    );
  });
});
