import template from '../../../cards/templates/pim-roles.json';
import { renderTemplate, type AdaptiveCard } from '../../../cards/render';
import { formatWhen, type UserTime } from '../../../services/access/formatWhen';
import type { MyRoles } from '../../../services/pim/pimRoles';

const STATE_TEXT: Record<string, string> = {
  submitted: 'waiting for your sign-in or for Microsoft Entra ID',
  pendingApproval: 'waiting for approval',
  delivering: 'approved, being activated',
};

/** Words of "activate helpdesk admin" that narrow the list ("admin" matches "Administrator"). */
function matches(roleName: string, filter: string): boolean {
  const name = roleName.toLowerCase();
  return filter
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => name.includes(w) || name.split(/\s+/).some((part) => part.startsWith(w)));
}

/** "my roles": active roles (time left, Deactivate), waiting activations, and roles to activate. */
export function renderRolesCard(roles: MyRoles, t: UserTime, filter = ''): AdaptiveCard {
  const eligible = roles.eligible.filter((r) => !filter || matches(r.roleName, filter));
  const none = roles.eligible.length === 0 && roles.active.length === 0;
  const emptyText = none
    ? 'You have no admin roles to activate and none active. If your work needs one, ask your IT administrators (a Privileged Role Administrator) to make you eligible.'
    : eligible.length === 0 && filter
      ? 'None of the roles you may activate matches that; here are your roles.'
      : '';
  const shown = eligible.length > 0 || !filter ? eligible : roles.eligible;
  return renderTemplate(template, {
    filterText: filter && eligible.length > 0 ? `Roles matching "${filter}"` : '',
    emptyText,
    active: roles.active.map((r) => ({
      roleId: r.roleId,
      roleName: r.roleName,
      directoryScopeId: r.directoryScopeId,
      untilText: r.endDateTime ? `until ${formatWhen(r.endDateTime, t)}` : '(permanent assignment)',
      canDeactivate: r.activated,
    })),
    waiting: roles.waiting.map((w) => ({ ...w, stateText: STATE_TEXT[w.state] ?? w.state })),
    eligible: shown.map((r) => ({
      roleId: r.roleId,
      roleName: r.roleName,
      eligibleText: r.eligibleUntil
        ? `eligible until ${formatWhen(r.eligibleUntil, t)}`
        : 'eligible permanently',
    })),
  });
}
