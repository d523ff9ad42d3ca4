import type { Role } from '@tessera/shared';
import { AppError } from '../shared/errors.js';

/** Which organisation roles may take each skills action. Platform-wide frameworks are imported by platform admins only. */
export const SKILL_POLICIES = {
  'frameworks.read': ['owner', 'designer', 'assessor', 'viewer'],
  'frameworks.import': ['owner', 'designer'],
  'alignments.read': ['owner', 'designer', 'assessor', 'viewer'],
  'alignments.edit': ['owner', 'designer'],
} as const satisfies Record<string, readonly Role[]>;

/** A skills action. */
export type SkillAction = keyof typeof SKILL_POLICIES;

/** Whether a role may take a skills action. */
export function canSkills(role: Role, action: SkillAction): boolean {
  return (SKILL_POLICIES[action] as readonly Role[]).includes(role);
}

/** Throw 403 unless the role may take the skills action. */
export function authorizeSkills(role: Role, action: SkillAction): void {
  if (!canSkills(role, action)) throw new AppError('forbidden', `Your role (${role}) does not allow this action (skills.${action})`);
}

/** Throw 403 unless the account is a platform admin (platform-wide frameworks). */
export function authorizePlatformFrameworks(account: { isPlatformAdmin: boolean }): void {
  if (!account.isPlatformAdmin) throw new AppError('forbidden', 'Only platform admins can import platform-wide frameworks');
}
