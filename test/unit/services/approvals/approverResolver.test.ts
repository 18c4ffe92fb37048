import { strict as assert } from 'node:assert';
import { ApproverResolver } from '../../../../services/approvals/approverResolver';
import type { ApprovalStageSettings } from '../../../../services/ports/entitlement';
import { FakeDirectory } from '../fakes/directory';

const stage = (over: Partial<ApprovalStageSettings>): ApprovalStageSettings => ({
  durationBeforeAutomaticDenial: 'P3D',
  isApproverJustificationRequired: true,
  isEscalationEnabled: false,
  primaryApprovers: [],
  fallbackPrimaryApprovers: [],
  escalationApprovers: [],
  fallbackEscalationApprovers: [],
  ...over,
});

describe('ApproverResolver', () => {
  const directory = new FakeDirectory();
  directory.groups.set('g1', ['lee', 'miriam', 'adele']);
  const resolver = new ApproverResolver(directory);

  it("resolves single users, group members and the requester's manager, each once, never the requester", async () => {
    const people = await resolver.resolve(
      [
        { kind: 'user', userId: 'lee' },
        { kind: 'groupMembers', groupId: 'g1' },
        { kind: 'requestorManager', managerLevel: 1 },
        { kind: 'user', userId: 'adele' },
      ],
      'adele',
    );
    assert.deepEqual(people.map((p) => p.id).sort(), ['lee', 'megan', 'miriam']);
  });

  it('walks up the manager chain for managerLevel 2', async () => {
    const people = await resolver.resolve([{ kind: 'requestorManager', managerLevel: 2 }], 'adele');
    assert.deepEqual(people, [{ id: 'miriam', displayName: 'Miriam Graham' }]);
  });

  it('uses the fallback approvers when no primary approver resolves (requester without a manager)', async () => {
    const [s] = await resolver.stages(
      [
        stage({
          primaryApprovers: [{ kind: 'requestorManager', managerLevel: 1 }],
          fallbackPrimaryApprovers: [{ kind: 'user', userId: 'nestor' }],
          isEscalationEnabled: true,
          durationBeforeEscalation: 'P1D',
          escalationApprovers: [{ kind: 'user', userId: 'patti' }],
        }),
      ],
      'sam',
    );
    assert.deepEqual(
      s?.approvers.map((p) => p.id),
      ['nestor'],
    );
    assert.equal(s?.usedFallback, true);
    assert.deepEqual(
      s?.escalationApprovers.map((p) => p.id),
      ['patti'],
    );
    assert.equal(s?.escalateAfter, 'P1D');
    assert.equal(s?.state, 'NotStarted');
  });

  it('keeps the primary approvers (no fallback) when they resolve, and skips unknown groups', async () => {
    const [s] = await resolver.stages(
      [
        stage({
          primaryApprovers: [
            { kind: 'requestorManager', managerLevel: 1 },
            { kind: 'groupMembers', groupId: 'gone' },
          ],
          fallbackPrimaryApprovers: [{ kind: 'user', userId: 'nestor' }],
        }),
      ],
      'adele',
    );
    assert.deepEqual(
      s?.approvers.map((p) => p.id),
      ['megan'],
    );
    assert.equal(s?.usedFallback, false);
    assert.deepEqual(s?.escalationApprovers, [], 'escalation disabled: nobody');
  });
});
