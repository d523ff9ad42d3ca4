import type { Role } from '@tessera/shared';
import { AppError } from '../shared/errors.js';

/**
 * Which organisation roles may take each talent action; tests walk this table. Only owners (the organisation's
 * administrators): searching people and writing to them handles personal data, so it stays with those accountable
 * for the organisation, and every search, view and message is audited.
 */
export const TALENT_POLICIES = {
  'talent.search': ['owner'],
  'talent.contact': ['owner'],
} as const satisfies Record<string, readonly Role[]>;

/** A talent action. */
export type TalentAction = keyof typeof TALENT_POLICIES;

/** Throw 403 unless the role may take the action. */
export function authorizeTalent(role: Role, action: TalentAction): void {
  if (!(TALENT_POLICIES[action] as readonly Role[]).includes(role))
    throw new AppError('forbidden', `Your role (${role}) does not allow this action (${action})`);
}
