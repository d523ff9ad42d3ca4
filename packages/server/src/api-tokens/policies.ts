import type { Role } from '@tessera/shared';
import { AppError } from '../shared/errors.js';

/** Which roles may take each API token action (one entry per action; tests walk it as a matrix). */
export const API_TOKEN_POLICIES = {
  'apiTokens.list': ['owner'],
  'apiTokens.create': ['owner'],
  'apiTokens.revoke': ['owner'],
} as const satisfies Record<string, readonly Role[]>;

/** Throw 403 unless the role may take the API token action. */
export function authorizeApiTokens(role: Role, action: keyof typeof API_TOKEN_POLICIES): void {
  if (!(API_TOKEN_POLICIES[action] as readonly Role[]).includes(role))
    throw new AppError('forbidden', `Your role (${role}) does not allow this action (${action})`);
}
