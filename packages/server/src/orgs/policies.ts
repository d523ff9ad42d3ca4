import type { Role } from '@tessera/shared';
import { AppError } from '../shared/errors.js';

/** Which roles may take each organisation action. One entry per action; tests walk this table as a matrix. */
export const ORG_POLICIES = {
  'org.read': ['owner', 'designer', 'assessor', 'viewer'],
  'org.update': ['owner'],
  'members.list': ['owner', 'designer', 'assessor', 'viewer'],
  'members.changeRole': ['owner'],
  'members.remove': ['owner'],
  'invitations.list': ['owner'],
  'invitations.create': ['owner'],
  'invitations.revoke': ['owner'],
  'keys.list': ['owner'],
  'keys.rotate': ['owner'],
  'audit.read': ['owner'],
  'domain.read': ['owner'],
  'domain.verify': ['owner'],
  'jobs.list': ['owner'],
  'jobs.retry': ['owner'],
  'achievements.list': ['owner', 'designer', 'assessor', 'viewer'],
  'achievements.edit': ['owner', 'designer'],
  'achievements.publish': ['owner', 'designer'],
  'agreement.read': ['owner', 'designer', 'assessor'],
  'queue.read': ['owner', 'assessor'],
  'submissions.review': ['owner', 'assessor'],
  'submissions.settle': ['owner'],
  'credentials.list': ['owner', 'viewer'],
  'credentials.changeStatus': ['owner'],
} as const satisfies Record<string, readonly Role[]>;

/** An organisation action. */
export type OrgAction = keyof typeof ORG_POLICIES;

/** Whether a role may take an action. */
export function can(role: Role, action: OrgAction): boolean {
  return (ORG_POLICIES[action] as readonly Role[]).includes(role);
}

/** Throw 403 unless the role may take the action. */
export function authorize(role: Role, action: OrgAction): void {
  if (!can(role, action)) throw new AppError('forbidden', `Your role (${role}) does not allow this action (${action})`);
}
