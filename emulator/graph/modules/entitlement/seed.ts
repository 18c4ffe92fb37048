import type { DirectoryView, ModuleContext } from '../../routing';
import type { AssignmentPolicy, SubjectSet } from './model';
import type { EntitlementFixture, FixtureApprover, FixturePolicy } from './fixtureTypes';
import { EntitlementState } from './state';
import { addDays } from '../governance/time';

/** Builds catalogs, packages and their policies from the fixture (assignments and requests come later). */
export function seedCatalog(ctx: ModuleContext): EntitlementState {
  const fixture = ctx.fixture as unknown as EntitlementFixture;
  const state = new EntitlementState();
  const created = addDays(ctx.clock.now(), -365).toISOString();
  for (const org of fixture.tenant.connectedOrganizations ?? [])
    state.connectedOrganizations.push({ id: ctx.newId(), ...org });
  for (const c of fixture.catalogs ?? []) state.catalogs.set(c.id, { ...c, createdDateTime: created });
  for (const p of fixture.accessPackages ?? []) {
    const catalog = [...state.catalogs.values()].find((c) => c.displayName === p.catalog);
    if (!catalog)
      throw new Error(`Fixture: access package '${p.displayName}' names unknown catalog '${p.catalog}'`);
    state.packages.set(p.id, {
      id: p.id,
      catalogId: catalog.id,
      displayName: p.displayName,
      description: p.description,
      createdDateTime: created,
      resources: p.resources.map((r) => ({
        type: r.type,
        displayName: r.displayName ?? r.group ?? '',
        role: r.role,
        groupId: r.group ? required(ctx.directory.groupByName(r.group)?.id, `group '${r.group}'`) : undefined,
      })),
    });
    for (const fp of p.policies)
      state.policies.set(fp.id, toPolicy(fp, p.id, catalog.id, created, state, ctx.directory));
  }
  return state;
}

function toPolicy(
  fp: FixturePolicy,
  packageId: string,
  catalogId: string,
  created: string,
  state: EntitlementState,
  dir: DirectoryView,
): AssignmentPolicy {
  const subjects = (list: FixtureApprover[] | undefined) => (list ?? []).map((a) => subject(a, dir));
  const who = fp.allowedRequestors;
  const org = state.connectedOrganizations.find((o) => o.domain === who.domain);
  return {
    id: fp.id,
    accessPackageId: packageId,
    catalogId,
    displayName: fp.displayName,
    description: fp.displayName,
    allowedTargetScope:
      who.type === 'allMemberUsers'
        ? 'allMemberUsers'
        : who.type === 'group'
          ? 'specificDirectoryUsers'
          : 'specificConnectedOrganizationUsers',
    specificAllowedTargets:
      who.type === 'group'
        ? [
            {
              '@odata.type': '#microsoft.graph.groupMembers',
              groupId: required(dir.groupByName(who.group!)?.id, `group '${who.group}'`),
              description: who.group,
            },
          ]
        : who.type === 'connectedOrganization'
          ? [
              {
                '@odata.type': '#microsoft.graph.connectedOrganizationMembers',
                connectedOrganizationId: required(org?.id, `org '${who.domain}'`),
                description: org?.displayName,
              },
            ]
          : [],
    allowCustomAssignmentSchedule: fp.allowCustomAssignmentSchedule,
    stages: fp.approvalStages.map((s) => ({
      durationBeforeAutomaticDenial: s.durationBeforeAutomaticDenial,
      isApproverJustificationRequired: s.isApproverJustificationRequired,
      isEscalationEnabled: s.isEscalationEnabled,
      durationBeforeEscalation: s.durationBeforeEscalation ?? 'PT0S',
      primaryApprovers: subjects(s.primaryApprovers),
      fallbackPrimaryApprovers: subjects(s.fallbackPrimaryApprovers),
      escalationApprovers: subjects(s.escalationApprovers),
      fallbackEscalationApprovers: [],
    })),
    expiration: {
      type: fp.expiration.type,
      duration: fp.expiration.duration ?? null,
      endDateTime: fp.expiration.endDateTime ?? null,
    },
    questions: (fp.questions ?? []).map((q, i) => ({
      '@odata.type':
        q.type === 'multipleChoice'
          ? '#microsoft.graph.accessPackageMultipleChoiceQuestion'
          : '#microsoft.graph.accessPackageTextInputQuestion',
      id: q.id,
      sequence: i + 1,
      isRequired: q.isRequired,
      isAnswerEditable: true,
      text: q.text,
      ...(q.choices
        ? { choices: q.choices.map((c) => ({ actualValue: c, text: c })), allowsMultipleSelections: false }
        : { isSingleLineQuestion: true }),
    })),
    isRequestorJustificationRequired: fp.isRequestorJustificationRequired,
    extension: {
      enabled: fp.extension?.enabled ?? false,
      requiresApproval: fp.extension?.requiresApproval ?? false,
    },
    createdDateTime: created,
  };
}

function subject(a: FixtureApprover, dir: DirectoryView): SubjectSet {
  if (a.type === 'singleUser')
    return {
      '@odata.type': '#microsoft.graph.singleUser',
      userId: required(dir.userByAlias(a.alias!)?.id, `user '${a.alias}'`),
      description: a.alias,
    };
  if (a.type === 'groupMembers')
    return {
      '@odata.type': '#microsoft.graph.groupMembers',
      groupId: required(dir.groupByName(a.group!)?.id, `group '${a.group}'`),
      description: a.group,
    };
  return { '@odata.type': '#microsoft.graph.requestorManager', managerLevel: a.managerLevel ?? 1 };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Fixture: unknown ${what}`);
  return value;
}
