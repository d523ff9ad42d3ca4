import type { Role } from '@tessera/shared';
import { AppError } from '../shared/errors.js';

/** Which organisation roles may take each careers action; tests walk this table. */
export const CAREER_POLICIES = {
  'roles.read': ['owner', 'designer', 'assessor', 'viewer'],
  'roles.edit': ['owner', 'designer'],
} as const satisfies Record<string, readonly Role[]>;

/** A careers action. */
export type CareerAction = keyof typeof CAREER_POLICIES;

/** Throw 403 unless the role may take the action. */
export function authorizeCareers(role: Role, action: CareerAction): void {
  if (!(CAREER_POLICIES[action] as readonly Role[]).includes(role))
    throw new AppError('forbidden', `Your role (${role}) does not allow this action (${action})`);
}
