/**
 * Bulk issuance builds and signs credentials in a worker-thread pool (piscina), so canonicalisation and signing
 * run beside the database work of the main thread. The pool gets the prepared (unsigned) credentials and the
 * job's Ed25519 key; it answers with the signed document of each, in order.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Deps } from '../context.js';
import { keyContext } from '../keys/index.js';
import { ed25519PrivateKey } from '../keys/index.js';
import { verificationMethodId } from '../keys/index.js';
import { findCurrentKey } from '../keys/index.js';
import { orgDid } from '../orgs/index.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { joinSignedBatches } from './sign-award-credential.js';
import type { PreparedCredential, SignedBatch } from './sign-award-credential.js';
import type { SignTask, SigningKey } from './sign-worker.js';

/** Credentials per task: large enough that messaging is cheap, small enough that both threads stay busy. */
const TASK_SIZE = 25;

/**
 * Tasks handed to each thread at once (it runs them one after another, oldest first: sign-worker.ts). Piscina hands
 * a queued task to a thread from the main thread's event loop, which a bulk job keeps busy with database statements
 * chained by promises, so queued tasks waited until the main thread itself waited for their batch; with room for
 * every staged batch (PIPELINE_DEPTH × 250 rows / 25 per task, over 2 threads), a thread has its work as soon as the
 * batch is staged. Measured with `tessera bench awards --rows 10000`: the job's wait for signatures fell from
 * 3.7 s to 1.2 s and throughput rose from about 970/s to 1,050–1,100/s against 4 tasks per thread.
 */
const TASKS_PER_THREAD = 16;

/** Where the worker's code is: compiled JavaScript in production; in tests and under tsx, the TypeScript sources. */
function workerEntry(): { filename: string; execArgv?: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { filename: new URL('./sign-worker.js', import.meta.url).href };
  const register = `import{register}from${JSON.stringify(import.meta.resolve('tsx/esm/api'))};register();`;
  return {
    filename: new URL('./sign-worker.ts', import.meta.url).href,
    execArgv: ['--conditions=source', `--import=data:text/javascript,${encodeURIComponent(register)}`],
  };
}

/** An organisation's current Ed25519 private key, unsealed for a signing pool (the plaintext wiped). */
export async function loadSigningKey(deps: Deps, org: OrgRow): Promise<SigningKey> {
  const row = await findCurrentKey(deps.db, org.id, 'Ed25519');
  if (!row) throw new AppError('unavailable', 'The organisation has no current Ed25519 signing key');
  const plain = deps.keyring.open(row.encryptedPrivateKey, keyContext(row.id));
  const key = ed25519PrivateKey(plain.subarray(0, 32), plain.subarray(32, 64));
  plain.fill(0);
  return { id: verificationMethodId(orgDid(deps.env.TESSERA_BASE_URL, org.slug), row), key };
}

/**
 * Signing threads by default: one core fewer than the machine has (at least one), since the main thread keeps a core
 * busy with the database (PGlite runs on it). Measured with `tessera bench awards --rows 10000` on 2 cores, runs
 * alternated: one thread 8.8 s and 14.6–14.9 s of CPU against two threads 9.5–10.6 s and 17.7–19.4 s, and peak RSS
 * about 60 MB lower; with two, three busy threads shared two cores.
 */
export function defaultSigningThreads(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/**
 * The young generation of each signing thread's heap, in MB (V8's default lets it grow to 48). Measured with
 * `tessera bench awards`: at 100,000 rows, peak RSS 452 and 454 MB against 463 and 469 MB with the default, runs
 * alternated; at 20,000 rows with --trace-gc, the thread spent 1.46 s in scavenges against 1.25 s. At 8 MB RSS fell
 * further (437–446 MB), but scavenges took 2.41 s and full collections 0.33 s against 0.06 s: the thread holds the
 * credentials of its queued tasks, so a small nursery promotes them and the old generation fills.
 */
const SIGNING_YOUNG_GENERATION_MB = 16;

/** A pool of signing threads for one bulk job. */
export class SignPool {
  private readonly pool: Piscina;

  constructor(opts: { threads?: number } = {}) {
    const threads = opts.threads ?? defaultSigningThreads();
    this.pool = new Piscina({
      ...workerEntry(),
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: TASKS_PER_THREAD,
      resourceLimits: { maxYoungGenerationSizeMb: SIGNING_YOUNG_GENERATION_MB },
    });
  }

  /** Build and sign prepared credentials with the given key; the signed documents (as JSON), in the same order. */
  async sign(items: PreparedCredential[], key: SigningKey): Promise<SignedBatch> {
    const tasks: Array<Promise<SignedBatch>> = [];
    for (let i = 0; i < items.length; i += TASK_SIZE) {
      const task: SignTask = { items: items.slice(i, i + TASK_SIZE), key };
      tasks.push(this.pool.run(task) as Promise<SignedBatch>);
    }
    return joinSignedBatches(await Promise.all(tasks));
  }

  /** Stop the threads. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
