import type { Role } from '@tessera/shared';
import { AppError } from '../shared/errors.js';

/** Which organisation roles may take each recognition, endorsement and co-design action; tests walk this table. */
export const RECOGNITION_POLICIES = {
  'rules.read': ['owner', 'designer', 'assessor', 'viewer'],
  'rules.edit': ['owner', 'designer'],
  'rules.publish': ['owner'],
  'records.read': ['owner', 'designer', 'assessor', 'viewer'],
  'endorsements.read': ['owner', 'designer', 'assessor', 'viewer'],
  'endorsements.manage': ['owner'],
  'reviews.manage': ['owner', 'designer'],
} as const satisfies Record<string, readonly Role[]>;

/** A recognition action. */
export type RecognitionAction = keyof typeof RECOGNITION_POLICIES;

/** Throw 403 unless the role may take the action. */
export function authorizeRecognition(role: Role, action: RecognitionAction): void {
  if (!(RECOGNITION_POLICIES[action] as readonly Role[]).includes(role))
    throw new AppError('forbidden', `Your role (${role}) does not allow this action (${action})`);
}
