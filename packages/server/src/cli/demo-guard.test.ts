import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countAccounts, insertAccount } from '../accounts/store.js';
import { openDatabase } from '../db/client.js';
import { DEMO_ACCOUNTS } from '../seed/demo.js';
import { isLocalBaseUrl } from '../seed/demo-guard.js';
import { cliArgs } from '../testing/node-entry.js';

const ARGS = cliArgs();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'tessera-demo-guard-'));
  dirs.push(d);
  return d;
}
const envFor = (dir: string, baseUrl: string) => ({
  ...process.env,
  NODE_ENV: 'production',
  TESSERA_DATA_DIR: dir,
  TESSERA_BASE_URL: baseUrl,
  PORT: '0',
  HOST: '127.0.0.1',
  TESSERA_WORKERS: '0',
  TESSERA_LOG_LEVEL: 'info',
});
const tessera = (dir: string, baseUrl: string, ...args: string[]) =>
  spawnSync(process.execPath, [...ARGS, ...args], { env: envFor(dir, baseUrl), encoding: 'utf8', timeout: 120_000 });

async function withDatabase<T>(dir: string, fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: dir });
  try {
    await database.migrate();
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

/** A data directory with the demo owner account in it (as a seeded demo has), without the slow full seed. */
async function withDemoOwner(): Promise<string> {
  const dir = dataDir();
  const now = new Date();
  await withDatabase(dir, (db) =>
    insertAccount(db, {
      id: 'acc_demoowner',
      email: DEMO_ACCOUNTS[0].email,
      name: 'Maya Okafor',
      passwordHash: 'x',
      isPlatformAdmin: true,
      createdAt: now,
      updatedAt: now,
    }),
  );
  return dir;
}

/** Run `tessera <command>` until it says it is listening, then stop it; resolves with what it printed. */
function serveUntilListening(
  dir: string,
  baseUrl: string,
  ...args: string[]
): Promise<{ out: string; listening: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...ARGS, ...args], { env: envFor(dir, baseUrl), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let listening = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    let stopping = false;
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Tessera is running')) listening = true;
      // The log is written asynchronously: stop once its "listening" line (logged after any start-up warning) is out.
      if (listening && !stopping && out.includes('"msg":"listening"')) {
        stopping = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ out, listening, code });
    });
  });
}

describe('the demo stays a demo', () => {
  it('knows which base URLs are local', () => {
    for (const u of ['http://localhost:3000', 'http://127.0.0.1:8080', 'http://[::1]:3000', 'https://LOCALHOST'])
      expect(isLocalBaseUrl(u), u).toBe(true);
    for (const u of ['https://badges.example.org', 'http://10.0.0.5:3000', 'http://localhost.example.org', 'http://127.0.0.2'])
      expect(isLocalBaseUrl(u), u).toBe(false);
  });

  it('`tessera start` refuses to seed the demo off localhost (exit 2), and seeds nothing', async () => {
    const dir = dataDir();
    const r = tessera(dir, 'https://badges.example.org', 'start');
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/Refusing to seed the demo at https:\/\/badges\.example\.org.*--allow-demo/s);
    expect(r.stdout).not.toContain('Tessera is running');
    expect(await withDatabase(dir, (db) => countAccounts(db))).toBe(0);
  }, 120_000);

  it('`tessera seed-demo` refuses off localhost too', async () => {
    const dir = dataDir();
    const r = tessera(dir, 'https://badges.example.org', 'seed-demo');
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('--allow-demo');
    expect(await withDatabase(dir, (db) => countAccounts(db))).toBe(0);
  }, 120_000);

  it('`tessera start` and `serve` refuse to run off localhost with demo accounts present', async () => {
    const dir = await withDemoOwner();
    for (const command of ['start', 'serve']) {
      const r = tessera(dir, 'https://badges.example.org', command);
      expect(r.status, `${command}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`the demo accounts ${DEMO_ACCOUNTS[0].email} are present`);
      expect(r.stdout).not.toContain('Tessera is running');
    }
  }, 120_000);

  it('runs with --allow-demo, and warns that master.key sits beside the database', async () => {
    const dir = await withDemoOwner();
    const r = await serveUntilListening(dir, 'https://badges.example.org', 'start', '--allow-demo');
    expect(r.listening, r.out).toBe(true);
    expect(r.out).toContain('master.key sits beside the database');
  }, 120_000);

  it('runs on localhost with the demo present, without the production warning', async () => {
    const dir = await withDemoOwner();
    const r = await serveUntilListening(dir, 'http://localhost:3000', 'start');
    expect(r.listening, r.out).toBe(true);
    expect(r.out).not.toContain('master.key sits beside the database');
  }, 120_000);
});
