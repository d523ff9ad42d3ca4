/**
 * The signing task run in the worker-thread pool (see sign-pool.ts): builds and signs prepared credentials with
 * the job's key, exactly as inline issuance does. The key arrives as a KeyObject (cloned by the thread channel, never
 * serialised to text) and is never logged.
 */
import type { KeyObject } from 'node:crypto';
import type { Signer } from '../keys/index.js';
// The worker loads only pure modules: the keys slice's index would pull in the database and jobs.
// eslint-disable-next-line no-restricted-imports -- keys/index.js loads the database and jobs, whose import cycle breaks a fresh thread
import { signBytes } from '../keys/material.js';
import { signForStorage } from './sign-award-credential.js';
import type { PreparedCredential, SignedBatch } from './sign-award-credential.js';

/** A private key and the verification method that names it. */
export interface SigningKey {
  id: string;
  key: KeyObject;
}

/** One task: a slice of a batch's credentials and the organisation's Ed25519 key. */
export interface SignTask {
  items: PreparedCredential[];
  key: SigningKey;
}

function signer(k: SigningKey): Signer {
  return { id: k.id, algorithm: 'Ed25519', sign: async ({ data }) => signBytes(k.key, data) };
}

/** Freeze a value all the way down. */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/**
 * Build and sign every credential of the task, in order; each document serialised as JSON. What the achievement is
 * built from is frozen first: the thread owns its copy, and the items of a task share it, so the achievement is
 * known to be the same without serialising its parts for every credential (build-credential.ts).
 */
async function signTaskNow(task: SignTask): Promise<SignedBatch> {
  // Each item carries its own copy of the (small) issuing organisation: equal ones become one object.
  const orgs = new Map<string, PreparedCredential['input']['org']>();
  for (const { input } of task.items) {
    const key = JSON.stringify(input.org);
    const same = orgs.get(key);
    if (same) input.org = same;
    else orgs.set(key, input.org);
    for (const part of [input.org, input.content, input.skillAlignments, input.endorsements]) deepFreeze(part);
  }
  return signForStorage(task.items, signer(task.key));
}

/** The tasks this thread was handed, run one after another. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * A signing task. A thread holds many tasks at once (sign-pool.ts) so that it never waits for the main thread, which
 * a bulk job keeps busy, to hand it the next; they run one after another in the order they came, so the oldest
 * batch, the one the main thread waits for, is done first instead of being interleaved with later ones.
 */
export default function signTask(task: SignTask): Promise<SignedBatch> {
  const run = queue.then(() => signTaskNow(task));
  queue = run.catch(() => undefined);
  return run;
}
