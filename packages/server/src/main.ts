import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import pino from 'pino';
import { scheduleAccountCleanUp } from './accounts/clean-up-accounts.js';
import { scheduleStatisticsRefresh } from './maintenance/index.js';
import { DEFAULT_PASSWORD_PARAMS } from './accounts/password.js';
import type { Deps } from './context.js';
import type { Database } from './db/client.js';
import { openDatabase } from './db/client.js';
import type { Env } from './env.js';
import { createApp } from './http/app.js';
import { JOB_HANDLERS } from './jobs/handlers.js';
import type { Worker } from './jobs/worker.js';
import { startWorker } from './jobs/worker.js';
import { localFileStorage } from './files/storage.js';
import { Keyring, loadMasterKey } from './keys/keyring.js';
import { outboxOnlyMailer, smtpMailer } from './mail/mailer.js';
import { systemClock } from './shared/clock.js';
import { randomIds } from './shared/ids.js';
import { createVerifyPool } from './verify/pool.js';

/** The composition root: env → database → keyring → mailer → deps. */
export async function bootstrap(env: Env, opts: { migrate?: boolean } = {}): Promise<{ deps: Deps; database: Database }> {
  const log = pino({ level: env.TESSERA_LOG_LEVEL, base: { service: 'tessera' } });
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TESSERA_DATA_DIR });
  if (opts.migrate !== false) await database.migrate();
  const master = loadMasterKey({ hex: env.TESSERA_MASTER_KEY, dataDir: env.TESSERA_DATA_DIR });
  if (master.source === 'generated') log.warn({ file: `${env.TESSERA_DATA_DIR}/master.key` }, 'generated a new master key; back it up');
  const deps: Deps = {
    db: database.db,
    dbKind: database.kind,
    env,
    clock: systemClock,
    ids: randomIds,
    log,
    keyring: new Keyring(master.key),
    mailer: env.TESSERA_SMTP_URL ? smtpMailer(env.TESSERA_SMTP_URL, env.TESSERA_MAIL_FROM) : outboxOnlyMailer,
    passwords: DEFAULT_PASSWORD_PARAMS,
    storage: localFileStorage(env.TESSERA_DATA_DIR),
  };
  return { deps, database };
}

/** A running HTTP server with its in-process workers. */
export interface Running {
  server: ServerType;
  port: number;
  stop(): Promise<void>;
}

/** Listen on the configured port and start in-process workers (TESSERA_WORKERS, default 1). */
export async function listen(deps: Deps, database: Database): Promise<Running> {
  // Credentials are verified in a worker-thread pool that lives as long as the server.
  const verifier = createVerifyPool(deps.env);
  const app = createApp({ ...deps, verifier });
  const workers: Worker[] = [];
  // Start the hourly clean-up chain (sessions, tokens, rate limits); one job per hour slot however many processes start.
  await scheduleAccountCleanUp(deps);
  // On PGlite, which has no autovacuum, refresh the planner statistics of grown tables every hour.
  await scheduleStatisticsRefresh(deps);
  for (let i = 0; i < deps.env.TESSERA_WORKERS; i++) workers.push(startWorker(deps, { handlers: JOB_HANDLERS }));
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: deps.env.PORT, hostname: deps.env.HOST }, (info) => resolve({ server: s, port: info.port }));
  });
  return {
    server,
    port,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(workers.map((w) => w.stop()));
      await verifier.close();
      await database.close();
    },
  };
}
