import type { Actor, Deps } from '../context.js';
import { listCredentialRows } from '../credentials/index.js';
import { AppError } from '../shared/errors.js';
import { presentCollection } from './present.js';
import { findCollection, listWalletItems, upsertCollection } from './store.js';

/** Create (no id) or replace a collection; every entry must be one of the learner's own credentials. */
export async function saveCollection(deps: Deps, opts: { actor: Actor; id?: string; name: string; public: boolean; entries: string[] }) {
  const [earned, imported] = await Promise.all([
    listCredentialRows(deps.db, { learnerId: opts.actor.accountId }),
    listWalletItems(deps.db, opts.actor.accountId),
  ]);
  const mine = new Set([...earned.map((r) => `earned:${r.c.id}`), ...imported.map((r) => `imported:${r.id}`)]);
  const errors = opts.entries.flatMap((e, i) => (mine.has(e) ? [] : [{ path: `entries.${i}`, message: 'Not a credential of yours' }]));
  if (errors.length) throw new AppError('validation_failed', 'A collection holds only your own credentials', { errors });
  const existing = opts.id ? await findCollection(deps.db, opts.actor.accountId, opts.id) : undefined;
  if (opts.id && !existing) throw new AppError('not_found', 'No such collection');
  const row = {
    id: existing?.id ?? deps.ids.id('collection'),
    accountId: opts.actor.accountId,
    name: opts.name,
    isPublic: opts.public,
    entries: [...new Set(opts.entries)],
    createdAt: existing?.createdAt ?? deps.clock.now(),
  };
  await upsertCollection(deps.db, row);
  return presentCollection(row);
}
