// Hostile-input soak: start the built server (`tessera serve`) on 127.0.0.1 with a fresh data directory and the
// demo seeded, then for SOAK_SECONDS (default 60) send a bounded stream of hostile inputs — nested SVG/XML/JSON,
// PNG decompression bombs, huge and malformed JWTs — to POST /api/v1/verify and to wallet imports (as the demo
// learner), while polling /healthz. Prints /healthz p50/p99, the server's RSS at start and end, and counts by
// status code. Fails (exit 1) when /healthz p99 is more than HEALTH_P99_RATIO times its p99 under a reference load
// of harmless inputs of the same types and sizes (measured first, in the same run, on a server of its own) or more
// than HEALTH_P99_MAX_MS, a request answers 500, /healthz fails, or RSS grows by more than 150 MB. Loopback only; stops by itself. Run after `npm run build`: `node e2e/soak.mjs`.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import http from 'node:http';
import { crc32, deflateSync } from 'node:zlib';
import { ROOT, startServer } from './support.mjs';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const SENDERS = 3; // concurrent hostile senders
const HEALTH_EVERY_MS = 50;
// As long as the hostile load: the wallet's per-minute limit makes both spend their imports in an early burst, which
// must weigh the same in both.
const REFERENCE_SECONDS = Number(process.env.SOAK_REFERENCE_SECONDS ?? SECONDS);
// /healthz p99 under hostile load may be at most HEALTH_P99_RATIO times its p99 under the reference load (a server of
// its own, the same senders, harmless inputs of the same types and sizes), measured first in the same run. It was an
// absolute 100 ms, then 200 ms: this machine's speed varies by a factor of two between sessions (the same CI took
// 729 s, then 1,500 s) and p99 with it (129.6 to 236.5 ms on nearly the same tree), so an absolute limit failed on the
// machine, not on a change. Measured 2026-12-02: reference p99 218 ms, hostile 195 ms (ratio 0.90): moving 8-10 MB
// bodies is what costs the event loop, not their hostility. Hostile inputs that cost it more than twice what harmless
// ones of their size do fail this. The floor keeps a very quiet reference from making the limit a few milliseconds.
// The twins are not a perfect match: a twin is read as a credential where its hostile original is refused early, so
// the reference does somewhat more work on the event loop (the report repeats the credential), which loosens the
// ratio. HEALTH_P99_MAX_MS bounds what that, or a regression that slows harmless and hostile bodies alike, can hide:
// whatever the reference, a p99 of a second fails.
const HEALTH_P99_RATIO = 2;
const HEALTH_P99_FLOOR_MS = 20;
const HEALTH_P99_MAX_MS = 1000;
const RSS_GROWTH_MB = 150;
const REQUEST_TIMEOUT_MS = 60_000;
/** Bodies above this size may be refused before they are read (see `request`). */
const LARGE_BODY = 1024 * 1024;

// ---------------------------------------------------------------- hostile corpus (built once, before timing)

const SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"';
const b64 = (s) => Buffer.from(s).toString('base64url');
const deepObject = (n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const deepArray = (n) => `${'['.repeat(n)}${']'.repeat(n)}`;
const deepCredential = `{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"credentialSubject":${deepObject(100_000)}}`;

function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}
const itxt = (keyword, text, compressed) =>
  pngChunk(
    'iTXt',
    Buffer.concat([
      Buffer.from(keyword, 'latin1'),
      Buffer.from([0, compressed ? 1 : 0, 0, 0, 0]),
      compressed ? deflateSync(text, { level: 9 }) : text,
    ]),
  );
function png(...middle) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...middle,
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
const commentBomb = itxt('Comment', Buffer.alloc(2 * 1024 * 1024 - 1, 0x20), true);

/** @type {Array<{ name: string, type: string, body: Buffer }>} */
const HOSTILE = [
  {
    name: 'svg: 100k nested <g>',
    type: 'image/svg+xml',
    body: Buffer.from(`<svg ${SVG}>${'<g>'.repeat(100_000)}${'</g>'.repeat(100_000)}</svg>`),
  },
  {
    name: 'svg: 60 namespaced levels, 150k elements',
    type: 'image/svg+xml',
    body: Buffer.from(
      `<svg ${SVG}>${Array.from({ length: 60 }, (_, i) => `<p${i}:g xmlns:p${i}="urn:p${i}">`).join('')}${'<g/>'.repeat(150_000)}${Array.from({ length: 60 }, (_, i) => `</p${59 - i}:g>`).join('')}</svg>`,
    ),
  },
  { name: 'svg: 8 MB of flat elements', type: 'image/svg+xml', body: Buffer.from(`<svg ${SVG}>${'<g/>'.repeat(2_000_000)}</svg>`) },
  {
    name: 'svg: entity expansion',
    type: 'image/svg+xml',
    body: Buffer.from(`<!DOCTYPE svg [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><svg ${SVG}>&b;</svg>`),
  },
  {
    name: 'svg: deep JSON baked',
    type: 'image/svg+xml',
    body: Buffer.from(`<svg ${SVG}><openbadges:credential><![CDATA[${deepCredential}]]></openbadges:credential></svg>`),
  },
  {
    name: 'xml: 100k nested, not svg',
    type: 'image/svg+xml',
    body: Buffer.from(`<?xml version="1.0"?><svg ${SVG}>${'<x:y xmlns:x="urn:x">'.repeat(50_000)}`),
  },
  { name: 'json: 100k nested objects', type: 'application/json', body: Buffer.from(deepCredential) },
  { name: 'json: 100k nested arrays', type: 'application/vc+ld+json', body: Buffer.from(deepArray(100_000)) },
  {
    name: 'json: 10 MB of one string',
    type: 'application/json',
    body: Buffer.from(
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        name: 'x'.repeat(10_000_000),
      }),
    ),
  },
  { name: 'jwt: deep payload', type: 'application/jwt', body: Buffer.from(`${b64('{"alg":"EdDSA"}')}.${b64(deepCredential)}.c2ln`) },
  { name: 'jwt: deep header', type: 'application/jwt', body: Buffer.from(`${b64(deepObject(100_000))}.${b64('{}')}.c2ln`) },
  {
    name: 'jwt: 8 MB payload',
    type: 'text/plain',
    body: Buffer.from(
      `${b64('{"alg":"EdDSA","kid":"did:key:z6Mk#z6Mk"}')}.${b64(JSON.stringify({ vc: { pad: 'y'.repeat(6_000_000) } }))}.${'A'.repeat(86)}`,
    ),
  },
  {
    name: 'jwt: alg none',
    type: 'application/jwt',
    body: Buffer.from(`${b64('{"alg":"none"}')}.${b64('{"vc":{"type":["VerifiableCredential"]}}')}.`),
  },
  { name: 'jwt: malformed', type: 'application/jwt', body: Buffer.from('eyJ.eyJ.%%%.....') },
  {
    name: 'jwt: garbage base64',
    type: 'text/plain',
    body: Buffer.from(
      `${randomBytes(3000).toString('base64url')}.${randomBytes(300_000).toString('base64url')}.${randomBytes(64).toString('base64url')}`,
    ),
  },
  {
    name: 'png: credential chunk inflates past the cap',
    type: 'image/png',
    body: png(itxt('openbadgecredential', Buffer.alloc(64 * 1024 * 1024, 0x20), true)),
  },
  {
    name: 'png: 1000 compressed comment chunks',
    type: 'image/png',
    body: png(...Array.from({ length: 1000 }, () => commentBomb), itxt('openbadgecredential', Buffer.from('{}'), false)),
  },
  { name: 'png: deep JSON baked', type: 'image/png', body: png(itxt('openbadgecredential', Buffer.from(deepCredential), true)) },
  { name: 'png: truncated', type: 'image/png', body: png(itxt('openbadgecredential', Buffer.from('{}'), false)).subarray(0, 40) },
  { name: 'png: bad CRC', type: 'image/png', body: Buffer.concat([png().subarray(0, 29), Buffer.from([0, 0, 0, 0]), png().subarray(33)]) },
];
const VALID = {
  name: 'valid: 1EdTech simple.json',
  type: 'application/json',
  body: readFileSync(join(ROOT, 'packages/credentials/test/fixtures/1edtech-validator/ob30/simple.json')),
};

/**
 * A harmless input of the same content type and byte length as `input`: one long string in a credential, an SVG
 * description, a JWT payload or a PNG text chunk, with no nesting, no compression and no entities. The reference
 * load sends these, so it moves as many bytes through the server as the hostile load does.
 * @param {{ name: string, type: string, body: Buffer }} input
 */
function plainTwin(input) {
  const size = input.body.length;
  const pad = (make) => make(Math.max(0, size - make(0).length));
  let body;
  if (input.type === 'image/svg+xml') body = pad((n) => Buffer.from(`<svg ${SVG}><desc>${'d'.repeat(n)}</desc></svg>`));
  else if (input.type === 'image/png')
    body = pad((n) => png(pngChunk('tEXt', Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.alloc(n, 0x63)]))));
  else if (input.type === 'application/jwt' || input.type === 'text/plain')
    body = pad((n) =>
      Buffer.from(`${b64('{"alg":"EdDSA"}')}.${b64(JSON.stringify({ vc: { name: 'n'.repeat(Math.floor((n * 3) / 4)) } }))}.c2ln`),
    );
  else
    body = pad((n) =>
      Buffer.from(
        JSON.stringify({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], name: 'n'.repeat(n) }),
      ),
    );
  return { name: `plain twin of ${input.name}`, type: input.type, body };
}
const PLAIN = HOSTILE.map(plainTwin);

// ---------------------------------------------------------------- the server

/** Resident set size of a process, in MB (Linux /proc). */
function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** The built server with the demo seeded (support.mjs), the per-address verify limit lifted. */
function startSoakServer() {
  // All requests come from one address: lift the per-address verify limit so that every request reaches the
  // verifier (an attacker with many addresses would). Wallet imports keep their per-account default. Seeded apart, so
  // that the RSS the soak starts from holds nothing the seeding left behind.
  return startServer({ seed: 'apart', env: { TESSERA_REMOTE_FETCH: 'off', TESSERA_VERIFY_PER_MINUTE: '100000' } });
}

async function signIn(baseUrl, email) {
  const res = await fetch(`${baseUrl}/api/v1/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'tessera-demo-2026' }),
  });
  const text = await res.text();
  assert.equal(res.status, 200, `demo learner sign-in failed: ${res.status} ${text}`);
  const cookie = /tessera_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrfToken } = JSON.parse(text);
  return { cookie, 'x-csrf-token': csrfToken };
}

// ---------------------------------------------------------------- the soak

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/**
 * One request over node:http. A response counts as soon as it arrives: the server may answer (429, 413) before
 * reading a large body and close the connection, which is not a failure. Hostile requests use a connection each;
 * /healthz has its own keep-alive connection, so it never waits behind a hostile upload.
 * @returns {Promise<{ status: number, text: string }>}
 */
function request(url, { method = 'GET', headers = {}, body, agent = false, timeoutMs = REQUEST_TIMEOUT_MS } = {}) {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      url,
      { method, headers: body ? { ...headers, 'content-length': body.length } : headers, agent, timeout: timeoutMs },
      (res) => {
        answered = true;
        const parts = [];
        res.on('data', (d) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => {
      if (answered) return;
      // The server may refuse a large upload (429, 413) and close the connection before this side has written it all
      // or read the answer: the write then fails with EPIPE or ECONNRESET. That is a refusal, not a failure; a server
      // that crashed fails the /healthz and still-running checks instead.
      if (body && body.length > LARGE_BODY && (e.code === 'EPIPE' || e.code === 'ECONNRESET'))
        resolve({ status: 'closed early', text: '' });
      else reject(e);
    });
    req.end(body);
  });
}

/**
 * Send requests for `seconds` from SENDERS concurrent senders (input n chosen by `pick(n)`) while probing /healthz
 * every HEALTH_EVERY_MS on its own keep-alive connection. Returns the probes' latencies and what the senders saw.
 * @param {string} baseUrl
 * @param {number} seconds
 * @param {(n: number) => { input: { name: string, type: string, body: Buffer }, wallet: boolean }} pick
 * @param {Record<string, string>} session  headers of the learner whose wallet receives imports
 * @param {number} pid  the server's process id (RSS sampled with each probe)
 */
async function load(baseUrl, seconds, pick, session, pid) {
  const statuses = new Map();
  const byInput = new Map();
  const problems = [];
  const health = [];
  let healthFailures = 0;
  let validOk = 0;
  let rssMax = 0;
  const end = Date.now() + seconds * 1000;

  const healthAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const healthLoop = (async () => {
    while (Date.now() < end) {
      const t = performance.now();
      try {
        const res = await request(`${baseUrl}/healthz`, { agent: healthAgent, timeoutMs: 5000 });
        if (res.status !== 200) healthFailures++;
      } catch (e) {
        healthFailures++;
        if (process.env.SOAK_VERBOSE)
          console.log(`  /healthz failed: ${e.message}${e.cause ? ` (${e.cause.code ?? e.cause.message})` : ''}`);
      }
      health.push(performance.now() - t);
      const rss = rssMb(pid);
      rssMax = Math.max(rssMax, rss);
      if (process.env.SOAK_VERBOSE && health.length % 40 === 0)
        console.log(`  ${((seconds * 1000 - (end - Date.now())) / 1000).toFixed(0)} s: RSS ${rss.toFixed(0)} MB`);
      await new Promise((r) => setTimeout(r, HEALTH_EVERY_MS));
    }
  })();

  let next = 0;
  const sender = async (id) => {
    while (Date.now() < end) {
      const { input, wallet } = pick(next++);
      const url = `${baseUrl}/api/v1/${wallet ? 'me/wallet/imports' : 'verify'}`;
      const type = wallet && input.type === 'application/json' ? 'application/vc+ld+json' : input.type;
      let status;
      try {
        const res = await request(url, {
          method: 'POST',
          headers: { 'content-type': type, ...(wallet ? session : {}) },
          body: input.body,
        });
        status = res.status;
        const text = res.text;
        if (input === VALID && !wallet && status === 200 && JSON.parse(text).steps?.[0]?.status === 'passed') validOk++;
        if (status >= 500 && status !== 503)
          problems.push(`${input.name} → ${wallet ? 'wallet import' : 'verify'}: ${status} ${text.slice(0, 200)}`);
      } catch (e) {
        status = `error (${e.name})`;
        problems.push(`${input.name} (sender ${id}): ${e.message}${e.cause ? ` (${e.cause.code ?? e.cause.message})` : ''}`);
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const key = `${input.name} → ${wallet ? 'wallet' : 'verify'}`;
      byInput.set(key, `${byInput.get(key) ?? ''}${byInput.has(key) ? ',' : ''}${status}`);
    }
  };
  await Promise.all([healthLoop, ...Array.from({ length: SENDERS }, (_, i) => sender(i))]);
  healthAgent.destroy();
  const sorted = [...health].sort((a, b) => a - b);
  return {
    statuses,
    byInput,
    problems,
    health,
    healthFailures,
    validOk,
    rssMax,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
  };
}

/** Print what each input got, and the count of each status code. @param {{ byInput: Map<string, string>, statuses: Map<unknown, number> }} r */
function printLoad(r) {
  for (const [key, list] of [...r.byInput].sort())
    console.log(`  ${key}: ${list.split(',').length} × [${[...new Set(list.split(','))].join(', ')}]`);
  console.log(
    `status codes: ${[...r.statuses]
      .sort()
      .map(([s, c]) => `${s}=${c}`)
      .join(' ')}`,
  );
}

/** @param {string} label @param {{ health: number[], p50: number, p99: number, max: number, healthFailures: number }} r */
const healthLine = (label, r) =>
  `/healthz ${label}: ${r.health.length} probes, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, failures ${r.healthFailures}`;

/**
 * A freshly started, seeded server, warmed up with each of `inputs` once, verified and imported (by another learner,
 * whose imports do not count against the load's): the worker's code, the database's cache and the working set of one
 * request of each kind are the server's steady state, before any measurement.
 * @param {Array<{ name: string, type: string, body: Buffer }>} inputs
 */
async function warmServer(inputs) {
  const server = await startSoakServer();
  try {
    const session = await signIn(server.baseUrl, 'learner@riverside.example');
    const warmSession = await signIn(server.baseUrl, 'learner2@riverside.example');
    for (const input of [VALID, ...inputs]) {
      const verified = await request(`${server.baseUrl}/api/v1/verify`, {
        method: 'POST',
        headers: { 'content-type': input.type },
        body: input.body,
      });
      assert.ok(verified.status < 500, `warm-up: ${input.name} answered ${verified.status}`);
      const type = input.type === 'application/json' ? 'application/vc+ld+json' : input.type;
      const imported = await request(`${server.baseUrl}/api/v1/me/wallet/imports`, {
        method: 'POST',
        headers: { 'content-type': type, ...warmSession },
        body: input.body,
      });
      assert.ok(imported.status < 500, `warm-up import: ${input.name} answered ${imported.status}`);
    }
    await new Promise((r) => setTimeout(r, 3000));
    return { server, session };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/** Every eighth request is a valid credential, so ordinary verification is seen to work; every seventh goes to wallet imports. */
const mix = (inputs) => (n) => ({ input: n % 8 === 7 ? VALID : inputs[n % inputs.length], wallet: n % 7 === 3 });

async function main() {
  // The reference: a server of its own (so that neither load leaves its heap or database to the other), the same
  // senders, as many at once, with the same mix of verifications and wallet imports, each hostile input replaced by
  // its harmless twin (same type, same size). What /healthz takes while as many bytes move through a server, on this
  // machine, in this run, is what the hostile load is held to: hostility must not cost the event loop much more
  // than size alone does.
  const ref = await warmServer(PLAIN);
  let reference;
  try {
    reference = await load(ref.server.baseUrl, REFERENCE_SECONDS, mix(PLAIN), ref.session, ref.server.pid);
  } finally {
    await ref.server.stop();
  }

  const { server, session } = await warmServer(HOSTILE);
  try {
    const rssStart = rssMb(server.pid);

    const soak = await load(server.baseUrl, SECONDS, mix(HOSTILE), session, server.pid);

    // Let the last worker task and the garbage collector settle before the closing measurement.
    await new Promise((r) => setTimeout(r, 3000));
    const rssEnd = rssMb(server.pid);
    const limit = Math.min(HEALTH_P99_MAX_MS, HEALTH_P99_RATIO * Math.max(reference.p99, HEALTH_P99_FLOOR_MS));

    console.log(
      `\nreference: ${REFERENCE_SECONDS} s, ${SENDERS} senders sending harmless inputs of the hostile ones' types and sizes, ${[...reference.statuses.values()].reduce((a, b) => a + b, 0)} requests`,
    );
    printLoad(reference);
    console.log(healthLine('under the reference load', reference));
    console.log(`soak: ${SECONDS} s, ${SENDERS} hostile senders, ${[...soak.statuses.values()].reduce((a, b) => a + b, 0)} requests`);
    printLoad(soak);
    console.log(healthLine('under hostile load', soak));
    console.log(
      `p99 ratio hostile / max(reference, ${HEALTH_P99_FLOOR_MS} ms): ${(soak.p99 / Math.max(reference.p99, HEALTH_P99_FLOOR_MS)).toFixed(2)} (limit: ${HEALTH_P99_RATIO} × that reference, at most ${HEALTH_P99_MAX_MS} ms = ${limit.toFixed(1)} ms)`,
    );
    console.log(`RSS: start ${rssStart.toFixed(0)} MB, end ${rssEnd.toFixed(0)} MB, max ${soak.rssMax.toFixed(0)} MB`);
    const problems = [...reference.problems, ...soak.problems];
    for (const p of problems.slice(0, 20)) console.log(`  problem: ${p}`);

    const checks = [
      [`/healthz p99 under hostile load ${soak.p99.toFixed(1)} ms <= ${limit.toFixed(1)} ms`, soak.p99 <= limit],
      [
        `/healthz always answered 200 (${reference.healthFailures + soak.healthFailures} failures)`,
        reference.healthFailures + soak.healthFailures === 0 && reference.health.length > 0 && soak.health.length > 0,
      ],
      [`no request answered 500 or failed (${problems.length})`, problems.length === 0],
      [`RSS grew ${(rssEnd - rssStart).toFixed(0)} MB <= ${RSS_GROWTH_MB} MB`, rssEnd - rssStart <= RSS_GROWTH_MB],
      [
        `valid credentials verified under the reference load (${reference.validOk}) and the hostile one (${soak.validOk})`,
        reference.validOk > 0 && soak.validOk > 0,
      ],
      ['the server is still running', server.alive()],
    ];
    for (const [name, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
    const failed = checks.filter(([, ok]) => !ok).length;
    if (failed > 0) console.log(server.logs().slice(-4000));
    console.log(`soak: ${checks.length - failed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  } finally {
    await server.stop();
  }
}

process.exitCode = await main().catch((e) => {
  console.error(e);
  console.log('soak: 0 passed, 1 failed');
  return 1;
});
