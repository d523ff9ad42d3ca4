import type { Deps } from '../context.js';
import { AppError } from '../shared/errors.js';
import { presentGoal } from './present.js';
import { deleteGoal, listGoals } from './store.js';

/** The learner's goals, oldest first. */
export async function listMyGoals(deps: Deps, opts: { accountId: string }) {
  return { items: (await listGoals(deps.db, opts.accountId)).map(presentGoal) };
}

/** Remove one of the learner's goals. */
export async function removeGoal(deps: Deps, opts: { accountId: string; goalId: string }): Promise<void> {
  if (!(await deleteGoal(deps.db, opts.accountId, opts.goalId))) throw new AppError('not_found', 'No such goal');
}
