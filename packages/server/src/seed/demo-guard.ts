import type { Deps } from '../context.js';
import { findAccountByEmail } from '../accounts/index.js';
import type { Env } from '../env.js';
import { DEMO_EMAILS } from './demo.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether the public URL is this machine only (localhost, 127.0.0.1, ::1): where a demo with a public password is harmless. */
export function isLocalBaseUrl(baseUrl: string): boolean {
  return LOCAL_HOSTS.has(new URL(baseUrl).hostname.toLowerCase());
}

/** The demo accounts (whose password is published) present in this installation. */
export async function presentDemoAccounts(deps: Pick<Deps, 'db'>): Promise<string[]> {
  const found: string[] = [];
  for (const email of DEMO_EMAILS) if (await findAccountByEmail(deps.db, email)) found.push(email);
  return found;
}

/**
 * Why the demo may not run here, or null when it may: seeding it, or serving with its accounts present, is
 * refused when TESSERA_BASE_URL is not local, unless the operator passes --allow-demo.
 */
export async function demoRefusal(deps: Pick<Deps, 'db' | 'env'>, opts: { seeding: boolean; allowDemo: boolean }): Promise<string | null> {
  if (opts.allowDemo || isLocalBaseUrl(deps.env.TESSERA_BASE_URL)) return null;
  const url = deps.env.TESSERA_BASE_URL;
  if (opts.seeding) {
    return `Refusing to seed the demo at ${url}: its accounts (one a platform admin) share a published password, and TESSERA_BASE_URL is not localhost. Use \`tessera serve\` for a real installation, or pass --allow-demo if this public demo is intended.`;
  }
  const present = await presentDemoAccounts(deps);
  if (present.length === 0) return null;
  return `Refusing to start at ${url}: the demo accounts ${present.join(', ')} are present and their password is published. Delete them, or pass --allow-demo if this public demo is intended.`;
}

/**
 * Whether the master key sits in a file beside the embedded database (both under TESSERA_DATA_DIR), so one copy
 * of that directory carries the encrypted keys and the key that opens them.
 */
export function masterKeyBesideDatabase(env: Pick<Env, 'TESSERA_MASTER_KEY' | 'DATABASE_URL'>): boolean {
  return !env.TESSERA_MASTER_KEY && !env.DATABASE_URL;
}
