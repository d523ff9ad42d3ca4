import type { Logger } from 'pino';
import type { Db } from './db/client.js';
import type { Env } from './env.js';
import type { Keyring } from './keys/keyring.js';
import type { FileStorage } from './files/storage.js';
import type { Mailer } from './mail/mailer.js';
import type { ScryptParams } from './accounts/password.js';
import type { Clock } from './shared/clock.js';
import type { IdGenerator } from './shared/ids.js';

/** Everything a use case may depend on, injected once at the composition root. */
export interface Deps {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  env: Env;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  keyring: Keyring;
  mailer: Mailer;
  scrypt: ScryptParams;
  storage: FileStorage;
}

/** Who is acting, and from where; passed to use cases that audit. */
export interface Actor {
  accountId: string;
  ip: string | null;
}
