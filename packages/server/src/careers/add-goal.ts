import type { Goal, GoalInput } from '@tessera/shared';
import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { ensureOccupations } from './import-occupations.js';
import { presentGoal } from './present.js';
import { findOccupation, findRole, insertGoal, listGoals } from './store.js';

/** Most goals one learner keeps. */
export const MAX_GOALS = 20;

/** Add a goal for the learner: an occupation from the dataset or a public organisation role (adding it twice returns the first). */
export async function addGoal(deps: Deps, opts: { accountId: string; input: GoalInput }): Promise<Goal> {
  const existing = await listGoals(deps.db, opts.accountId);
  let target: { occupationCode: string | null; roleId: string | null; target: string };
  if ('occupationCode' in opts.input) {
    await ensureOccupations(deps);
    if (!(await findOccupation(deps.db, opts.input.occupationCode)))
      throw new AppError('validation_failed', 'No such occupation', {
        errors: [{ path: 'occupationCode', message: 'Pick an occupation from the list' }],
      });
    target = { occupationCode: opts.input.occupationCode, roleId: null, target: `occupation:${opts.input.occupationCode}` };
  } else {
    const role = await findRole(deps.db, opts.input.roleId);
    if (!role || !role.role.isPublic)
      throw new AppError('validation_failed', 'No such role', { errors: [{ path: 'roleId', message: 'Pick a role from the list' }] });
    target = { occupationCode: null, roleId: role.role.id, target: `role:${role.role.id}` };
  }
  if (existing.length >= MAX_GOALS && !existing.some((g) => g.goal.target === target.target))
    throw new AppError('conflict', `Keep at most ${MAX_GOALS} goals`);
  const row = await insertGoal(deps.db, { id: deps.ids.id('goal'), accountId: opts.accountId, ...target, createdAt: deps.clock.now() });
  const [presented] = await listGoals(deps.db, opts.accountId, row.id);
  if (!presented) throw new AppError('internal', 'The goal was not saved');
  return presentGoal(presented);
}
