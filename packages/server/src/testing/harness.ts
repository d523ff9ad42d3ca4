import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import type { Deps } from '../context.js';
import type { Database } from '../db/client.js';
import { MIGRATIONS_DIR, openPglite, openPostgres, writePgliteTemplate } from '../db/client.js';
import { parseEnv } from '../env.js';
import { createApp } from '../http/app.js';
import { localFileStorage } from '../files/storage.js';
import { Keyring } from '../keys/keyring.js';
import { listMail } from '../mail/store.js';
import type { Mailer } from '../mail/mailer.js';
import { outboxOnlyMailer } from '../mail/mailer.js';
import type { Clock } from '../shared/clock.js';
import { systemClock } from '../shared/clock.js';
import { randomIds } from '../shared/ids.js';

/** The test database URL, when the suite runs against PostgreSQL. */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'];

/**
 * A migrated PGlite data directory for tests, keyed by the migrations' content and shared by test files
 * (restoring it is about twice as fast as initdb). Written to a temp name and renamed, so parallel
 * workers never read a half-written file.
 */
async function pgliteTestTemplate(): Promise<string> {
  const hash = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR)
    .filter((n) => n.endsWith('.sql'))
    .sort())
    hash.update(readFileSync(join(MIGRATIONS_DIR, f)));
  const file = join(tmpdir(), `tessera-test-template-${hash.digest('hex').slice(0, 16)}.tar.gz`);
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writePgliteTemplate(tmp);
    renameSync(tmp, file);
  }
  return file;
}

/** A fresh, migrated, isolated database: in-memory PGlite, or a new PostgreSQL database dropped at close. */
export async function createTestDatabase(): Promise<Database> {
  if (!TEST_DATABASE_URL) {
    const db = await openPglite(null, await pgliteTestTemplate());
    await db.migrate();
    return db;
  }
  const name = `tessera_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 5);
  await db.migrate();
  return {
    ...db,
    close: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Options for a test context. */
export interface TestOptions {
  clock?: Clock;
  mailer?: Mailer;
  env?: Record<string, string>;
}

/** A test context: deps on a fresh database, the Hono app, and cleanup. */
export async function createTestContext(opts: TestOptions = {}) {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-test-'));
  const env = parseEnv({
    NODE_ENV: 'test',
    TESSERA_BASE_URL: 'http://tessera.test',
    TESSERA_DATA_DIR: dataDir,
    TESSERA_LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const deps: Deps = {
    db: database.db,
    dbKind: database.kind,
    env,
    clock: opts.clock ?? systemClock,
    ids: randomIds,
    log: pino({ level: 'silent' }),
    keyring: new Keyring(randomBytes(32)),
    mailer: opts.mailer ?? outboxOnlyMailer,
    passwords: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    storage: localFileStorage(dataDir),
  };
  const app = createApp(deps);
  return {
    deps,
    app,
    database,
    dataDir,
    close: async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A test context. */
export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

/** A browser-like API client for app.request(): keeps the session cookie and sends the CSRF token. */
export class ApiClient {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(private readonly ctx: Pick<TestContext, 'app'>) {}

  /** Send a request; JSON bodies are serialised; returns status, headers and parsed JSON (if any). */
  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined) h['content-type'] ??= 'application/json';
    if (this.cookie) h['cookie'] = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    const res = await this.ctx.app.request(path.startsWith('/') ? path : `/api/v1/${path}`, {
      method,
      headers: h,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /tessera_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `tessera_session=${m[1]}` : null;
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (json && typeof json === 'object' && 'csrfToken' in json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: res.status, headers: res.headers, json: json as Record<string, unknown> & Array<Record<string, unknown>>, text };
  }

  /** Sign up, then sign in and keep the session (sign-up itself signs nobody in); returns the session. */
  async signUp(email: string, name = 'Test Person', password = 'correct horse battery') {
    const r = await this.request('POST', 'auth/signup', { email, name, password });
    if (r.status !== 202) throw new Error(`sign-up failed: ${r.status} ${r.text}`);
    const s = await this.request('POST', 'auth/signin', { email, password });
    if (s.status !== 200) throw new Error(`sign-in after sign-up failed: ${s.status} ${s.text}`);
    return s.json;
  }
}

/** Invite `email` into an organisation as `role` (as `owner`), then sign up and accept through the emailed link. */
export async function inviteAndJoin(
  ctx: TestContext,
  owner: ApiClient,
  opts: { slug: string; email: string; role: string },
): Promise<ApiClient> {
  await owner.request('POST', `orgs/${opts.slug}/invitations`, { email: opts.email, role: opts.role });
  const mail = (await listMail(ctx.deps.db, 500)).find((m) => m.to === opts.email);
  const token = /\/app\/invitations\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation mail for ${opts.email}`);
  const c = new ApiClient(ctx);
  await c.signUp(opts.email);
  const r = await c.request('POST', `invitations/${token}/accept`);
  if (r.status !== 200) throw new Error(`accept failed ${r.status}`);
  return c;
}
