import type { AccessPackageDetail, ApprovalStageSettings } from '../../../../services/ports/entitlement';

const stage = (over: Partial<ApprovalStageSettings>): ApprovalStageSettings => ({
  durationBeforeAutomaticDenial: 'P2D',
  isApproverJustificationRequired: true,
  isEscalationEnabled: false,
  primaryApprovers: [],
  fallbackPrimaryApprovers: [],
  escalationApprovers: [],
  fallbackEscalationApprovers: [],
  ...over,
});

const policy = (
  over: Partial<AccessPackageDetail['policies'][number]>,
): AccessPackageDetail['policies'][number] => ({
  id: 'p',
  displayName: 'Policy',
  allowCustomAssignmentSchedule: false,
  isApprovalRequiredForAdd: true,
  isApprovalRequiredForUpdate: true,
  enableTargetsToSelfUpdateAccess: true,
  stages: [],
  questions: [],
  expiration: { type: 'afterDuration', duration: 'P30D' },
  ...over,
});

/** A small catalog shaped like the demo tenant (ids shortened). */
export function catalogFixture(): AccessPackageDetail[] {
  const general = { id: 'c-general', displayName: 'General' };
  return [
    {
      id: 'covid',
      displayName: 'COVID-19 Response Team',
      description: 'Team and site for crisis work',
      isHidden: false,
      catalog: { id: 'c-crisis', displayName: 'Crisis Response' },
      resources: [{ displayName: 'COVID-19 Response Team', type: 'group', role: 'Member' }],
      policies: [
        policy({
          id: 'p-covid',
          displayName: 'Internal staff',
          stages: [
            stage({
              primaryApprovers: [
                { kind: 'user', userId: 'megan' },
                { kind: 'user', userId: 'lee' },
              ],
            }),
          ],
        }),
      ],
    },
    {
      id: 'sales',
      displayName: 'Sales Toolkit',
      description: 'CRM reader access',
      isHidden: false,
      catalog: general,
      resources: [],
      policies: [
        policy({
          id: 'p-sales',
          displayName: 'All employees, no approval',
          isApprovalRequiredForAdd: false,
          isApprovalRequiredForUpdate: false,
          expiration: { type: 'afterDuration', duration: 'P90D' },
        }),
      ],
    },
    {
      id: 'falcon',
      displayName: 'Project Falcon',
      description: 'Files and planner board',
      isHidden: false,
      catalog: general,
      resources: [],
      policies: [
        policy({
          id: 'p-falcon',
          displayName: 'Employees, manager then sponsor',
          allowCustomAssignmentSchedule: true,
          expiration: { type: 'afterDuration', duration: 'P180D' },
          questions: [
            {
              id: 'q-ws',
              text: 'Which workstream will you join?',
              isRequired: true,
              sequence: 1,
              choices: [
                { value: 'Design', text: 'Design' },
                { value: 'Engineering', text: 'Engineering' },
              ],
            },
            { id: 'q-who', text: 'Who asked you to join?', isRequired: false, sequence: 2 },
          ],
          stages: [
            stage({
              durationBeforeAutomaticDenial: 'P3D',
              primaryApprovers: [{ kind: 'requestorManager', managerLevel: 1 }],
              fallbackPrimaryApprovers: [{ kind: 'user', userId: 'nestor' }],
              isEscalationEnabled: true,
              durationBeforeEscalation: 'P1D',
              escalationApprovers: [{ kind: 'user', userId: 'patti' }],
            }),
            stage({
              durationBeforeAutomaticDenial: 'P3D',
              isApproverJustificationRequired: false,
              primaryApprovers: [{ kind: 'user', userId: 'lee' }],
            }),
          ],
        }),
      ],
    },
    {
      id: 'finance',
      displayName: 'Finance Reports',
      description: 'Monthly finance reports',
      isHidden: false,
      catalog: general,
      resources: [],
      policies: [
        policy({
          id: 'p-fin',
          displayName: 'Finance staff',
          stages: [stage({ primaryApprovers: [{ kind: 'user', userId: 'patti' }] })],
        }),
      ],
    },
    {
      id: 'hidden',
      displayName: 'Hidden package',
      isHidden: true,
      catalog: general,
      resources: [],
      policies: [policy({ id: 'p-h' })],
    },
  ];
}
