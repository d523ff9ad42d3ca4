import type { Role } from '@tessera/shared';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';

/** Whether a role may award directly in an organisation: owners always, other roles when the owner allowed them. */
export function canAward(org: Pick<OrgRow, 'awardRoles'>, role: Role): boolean {
  return role === 'owner' || (org.awardRoles as readonly string[]).includes(role);
}

/** Throw 403 unless the role may award directly. */
export function authorizeAward(org: Pick<OrgRow, 'awardRoles'>, role: Role): void {
  if (!canAward(org, role))
    throw new AppError('forbidden', `Your role (${role}) may not award credentials directly in this organisation; an owner can allow it`);
}

/** Only owners change who may award, and see recipients from the whole organisation when they award. */
export function authorizeAwardSettings(role: Role): void {
  if (role !== 'owner') throw new AppError('forbidden', `Your role (${role}) does not allow this action (awards.settings)`);
}
