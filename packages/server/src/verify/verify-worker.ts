/**
 * The verification task run in the worker-thread pool (see pool.ts): the same engine call as on the main
 * thread, so a hostile input can only ever hold this thread, which the pool terminates when it runs over.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { createFetcher, extractFromPng, extractFromSvg, isPng, verifyCredential } from '@tessera/credentials';
import type { Fetcher, Report } from '@tessera/credentials';
import { MAX_JSON_DEPTH, jsonTextTooDeep, jwtJsonParts, valueTooDeep } from './json-depth.js';

/** Messages a task posts on its port: it started on this thread (the budget runs), or it waits for a remote document. */
export type VerifyProgress = { kind: 'started'; tid: number | null } | { kind: 'fetch-start' } | { kind: 'fetch-end' };

/** One verification: structured-cloneable, with a port for progress messages. */
export interface VerifyTask {
  subject: Uint8Array | Record<string, unknown>;
  now: Date;
  /** Documents by URL (DID documents, status lists) the server read from its own database. */
  documents?: Map<string, unknown>;
  /** Refuse input nested deeper than MAX_JSON_DEPTH (the first pass checks; later passes get the same input). */
  checkDepth: boolean;
  /** Remote fetching for documents not given, or null for an offline pass. */
  fetch: { mode: 'on' | 'off'; allowPrivate: boolean } | null;
  port: MessagePort;
}

/** What a task answers: the engine's report, or that the input nests too deeply to be read safely. */
export type VerifyResult = { kind: 'report'; report: Report } | { kind: 'too_deep'; message: string };

const fetchers = new Map<string, Fetcher>();

// Verification yields the CPU to the HTTP event loop: on Linux a thread is a task with its own nice value, and
// any thread may lower its own priority. Its id also lets the pool charge the budget in this thread's CPU time.
let tid: number | null = null;
try {
  tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  setPriority(tid, 10);
} catch {
  // not Linux, or /proc is not mounted
}

/** A guarded fetcher per configuration (it caches), telling the pool while it waits for the network. */
function fetcherFor(config: NonNullable<VerifyTask['fetch']>, port: MessagePort): Fetcher {
  const key = `${config.mode}:${config.allowPrivate}`;
  let inner = fetchers.get(key);
  if (!inner) {
    inner = createFetcher({ mode: config.mode, allowPrivate: config.allowPrivate });
    fetchers.set(key, inner);
  }
  const base = inner;
  const waiting = async <T>(f: () => Promise<T>): Promise<T> => {
    port.postMessage({ kind: 'fetch-start' } satisfies VerifyProgress);
    try {
      return await f();
    } finally {
      port.postMessage({ kind: 'fetch-end' } satisfies VerifyProgress);
    }
  };
  return { get: (url, accept) => waiting(() => base.get(url, accept)), json: (url) => waiting(() => base.json(url)) };
}

/** The JSON texts an input carries: the text itself, a JWT's header and payload, a baked image's credential. */
function jsonTexts(bytes: Uint8Array): string[] {
  let text: string;
  try {
    if (isPng(bytes)) text = extractFromPng(bytes)?.text ?? '';
    else {
      text = Buffer.from(bytes).toString('utf8');
      if (text.trimStart().startsWith('<')) text = extractFromSvg(text)?.text ?? '';
    }
  } catch {
    return []; // an unreadable image: the engine reports why
  }
  return jwtJsonParts(text) ?? [text];
}

/** Whether text is JSON (JSON.parse reads any depth without recursing); text that is not is reported unreadable by the engine. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function tooDeep(subject: VerifyTask['subject']): boolean {
  if (subject instanceof Uint8Array) return jsonTexts(subject).some((t) => jsonTextTooDeep(t) && isJson(t));
  return valueTooDeep(subject);
}

/** Run one verification (the piscina task). */
export default async function verifyTask(task: VerifyTask): Promise<VerifyResult> {
  task.port.postMessage({ kind: 'started', tid } satisfies VerifyProgress);
  const deep = { kind: 'too_deep', message: `The credential nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep` } as const;
  if (task.checkDepth && tooDeep(task.subject)) return deep;
  const report = await verifyCredential(task.subject, {
    now: task.now,
    documents: task.documents,
    fetcher: task.fetch ? fetcherFor(task.fetch, task.port) : undefined,
  });
  // Whatever the engine read travels back by structured clone, which recurses: never send anything deep.
  return valueTooDeep(report, MAX_JSON_DEPTH + 8) ? deep : { kind: 'report', report };
}
