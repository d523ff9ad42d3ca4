import { findAccountById } from '../accounts/index.js';
import type { Deps } from '../context.js';
import { sendMail } from '../mail/index.js';
import { insertNotification } from './store.js';

/** Tell someone in the app, and by email when their address is verified. `link` is an app path such as /app/me/submissions/…. */
export async function notify(deps: Deps, opts: { accountId: string; title: string; body: string; link: string | null }): Promise<void> {
  await insertNotification(deps.db, {
    id: deps.ids.id('notification'),
    accountId: opts.accountId,
    title: opts.title,
    body: opts.body,
    link: opts.link,
    createdAt: deps.clock.now(),
  });
  const account = await findAccountById(deps.db, opts.accountId);
  // Nothing, least of all news of a credential, goes to an address its owner has not confirmed.
  if (!account?.emailVerifiedAt) return;
  const url = opts.link ? `\n\n${deps.env.TESSERA_BASE_URL}${opts.link}` : '';
  await sendMail(deps, { to: account.email, subject: opts.title, text: `Hello ${account.name},\n\n${opts.body}${url}\n` });
}
