import type { Logger } from 'pino';
import type { Db } from './db/client.js';
import type { Env } from './env.js';
import type { Keyring } from './keys/keyring.js';
import type { FileStorage } from './files/storage.js';
import type { Mailer } from './mail/mailer.js';
import type { PasswordParams } from './accounts/password.js';
import type { Clock } from './shared/clock.js';
import type { IdGenerator } from './shared/ids.js';
import type { VerifyPool } from './verify/pool.js';
import type { DomainProbe } from './orgs/verification/domain-probe.js';

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
  /** argon2id cost of new password hashes (production default; tests inject a cheaper one). */
  passwords: PasswordParams;
  storage: FileStorage;
  /** The worker-thread pool that verifies credentials off the event loop (created with the server; tests and tools get a shared one). */
  verifier?: VerifyPool;
  /** How issuer domains are checked (DNS TXT, /.well-known file); tests inject a fake, production uses the network. */
  domainProbe?: DomainProbe;
}

/** Who is acting, and from where; passed to use cases that audit. */
export interface Actor {
  accountId: string;
  ip: string | null;
}
