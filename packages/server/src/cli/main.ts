import { parseArgs } from 'node:util';
import { writePgliteTemplate, writePgliteTemplateDir } from '../db/client.js';
import { ConfigError, loadEnv } from '../env.js';
import { JOB_HANDLERS } from '../jobs/handlers.js';
import { startWorker } from '../jobs/index.js';
import { bootstrap, listen } from '../main.js';
import { demoLoginText, isEmptyInstallation, seedDemo } from '../seed/demo.js';
import { demoRefusal, isLocalBaseUrl, masterKeyBesideDatabase } from '../seed/demo-guard.js';
import { credentialCommands } from './credential-commands.js';
import { runRotateMasterKey } from './rotate-master-key.js';
import { runAward, runBenchAwards } from './award-command.js';
import { runSkills } from './skills-command.js';
import { runBenchRecommendations, runEvalRecommendations } from './careers-command.js';

const HELP = `tessera — micro-credentials with Open Badges 3.0

Usage: tessera <command> [options]

Server
  start [--allow-demo]  migrate, seed the demo on first run, and serve (what npm start runs)
  serve [--allow-demo]  migrate and serve; never seeds
                        the demo's password is public: off localhost (TESSERA_BASE_URL), start, serve and
                        seed-demo refuse to seed it or to run with its accounts present, unless --allow-demo
  worker                run background jobs only (scale out: several workers, one database)
  migrate               apply database migrations and exit
  seed-demo [--allow-demo]
                        create the demo organisation and accounts (idempotent)
  rotate-master-key [--new-key-file FILE]
                        re-encrypt every signing key under a new master key (from FILE, TESSERA_NEW_MASTER_KEY,
                        or generated) in one transaction; stop Tessera first, restart it after

Credentials
  keygen [--type ed25519|p256] [--out FILE]
                        a new key as a Multikey JSON file (did:key, publicKeyMultibase, secretKeyMultibase);
                        ed25519 (default) signs Data Integrity proofs and EdDSA JWTs, p256 signs ES256 JWTs
  sign FILE --key KEYFILE [--format di|jwt|both] [--verification-method URL] [--created ISO] [--documents MAP.json]
                        print the signed credential (JSON, or the compact JWS for jwt); --documents maps
                        JSON-LD contexts that are not bundled to local files
  verify FILE|URL|- [--json] [--documents MAP.json] [--now ISO] [--fetch]
  bench [--json]        signing and verifying throughput, ours vs the reference stack
  bench awards [--rows N] [--json]
                        bulk-issue N signed credentials (default 100000) on a fresh embedded database in a temp
                        directory; prints {rows, seconds, perSecond, rssMb, duplicates}
  bench recommendations [--learners N] [--achievements N] [--json]
                        p95 of one learner's recommendation request with N learners (default 100000) and N
                        micro-credentials (default 10000) on a fresh embedded database (or a temporary database on
                        DATABASE_URL's server); prints {learners, achievements, p95Ms, …}
  eval recommendations [--seed N] [--learners N] [--json]
                        offline evaluation on a seeded synthetic dataset, last earned item held out; prints
                        {learners, hitRateAt10, ndcgAt10, baseline: {hitRateAt10, ndcgAt10}} (popularity baseline)

Awards
  award --org SLUG --achievement ID FILE.csv [--dry-run] [--json]
                        bulk-award from a CSV (email, name, issued_on, narrative, evidence_url, level:<criterion>):
                        progress on a terminal; --json prints {issued, skipped, failed, seconds};
                        exit 0 no row failed, 1 some rows failed (or, with --dry-run, have problems), 2 could not run

Skills
  skills import FILE|URL (--org SLUG | --platform) [--format auto|case|rsd|csv] [--title TITLE] [--json]
                        import a CASE 1.0 package, an OSN RSD (or collection) or a CSV (id/code, name,
                        description, parent); a re-import updates it in place; --json prints
                        {framework, skills, associations, retired, warnings}; exit 2 with each problem's path

Exit codes
  0  success (verify: the credential is valid)
  1  verify: the credential is invalid or indeterminate
  2  could not run (bad arguments, bad configuration, unreadable input)

Configuration comes from environment variables; see README.md.
`;

function startupLine(t0: number): string {
  return `${((performance.now() - t0) / 1000).toFixed(2)} s`;
}

/** Run the CLI; resolves with the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (command === 'rotate-master-key') return runRotateMasterKey(rest);
  if (command === 'award') return runAward(rest);
  if (command === 'skills') return runSkills(rest);
  if (command === 'bench' && rest[0] === 'awards') return runBenchAwards(rest.slice(1));
  if (command === 'bench' && rest[0] === 'recommendations') return runBenchRecommendations(rest.slice(1));
  if (command === 'eval' && rest[0] === 'recommendations') return runEvalRecommendations(rest.slice(1));
  const credential = credentialCommands[command];
  if (credential) return credential(rest);
  const t0 = performance.now();
  try {
    const { values: flags } = parseArgs({
      args: rest,
      options: { 'allow-demo': { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    });
    const allowDemo = flags['allow-demo'] === true;
    const env = loadEnv();
    switch (command) {
      case 'build-db-template': {
        const bytes = await writePgliteTemplate();
        await writePgliteTemplateDir();
        process.stdout.write(`PGlite template written (${(bytes / 1e6).toFixed(1)} MB, and as a data directory).\n`);
        return 0;
      }
      case 'migrate': {
        const { database } = await bootstrap(env);
        await database.close();
        process.stdout.write(`Migrations applied (${database.kind}).\n`);
        return 0;
      }
      case 'seed-demo': {
        const { deps, database } = await bootstrap(env);
        const refusal = await demoRefusal(deps, { seeding: true, allowDemo });
        if (refusal) {
          await database.close();
          process.stderr.write(`${refusal}\n`);
          return 2;
        }
        const { created } = await seedDemo(deps);
        await database.close();
        process.stdout.write(created ? 'Demo data created.\n' : 'Demo data already present; nothing changed.\n');
        printLogins();
        return 0;
      }
      case 'start':
      case 'serve': {
        const { deps, database } = await bootstrap(env);
        const seeding = command === 'start' && (await isEmptyInstallation(deps));
        const refusal = await demoRefusal(deps, { seeding, allowDemo });
        if (refusal) {
          await database.close();
          process.stderr.write(`${refusal}\n`);
          return 2;
        }
        if (!isLocalBaseUrl(env.TESSERA_BASE_URL) && masterKeyBesideDatabase(env)) {
          deps.log.warn(
            { dataDir: env.TESSERA_DATA_DIR },
            'master.key sits beside the database in TESSERA_DATA_DIR: one copy of that directory holds the encrypted keys and the key to open them. Set TESSERA_MASTER_KEY from a secret store instead.',
          );
        }
        if (seeding) {
          await seedDemo(deps);
          deps.log.info('seeded the demo on first run');
        }
        const running = await listen(deps, database);
        const url = env.TESSERA_BASE_URL;
        deps.log.info({ url, port: running.port, database: database.kind, startupMs: Math.round(performance.now() - t0) }, 'listening');
        process.stdout.write(`\nTessera is running at ${url} (ready in ${startupLine(t0)}, database: ${database.kind})\n`);
        if (command === 'start') printLogins();
        const shutdown = () => {
          void running.stop().then(() => process.exit(0));
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
        return await new Promise<number>(() => undefined);
      }
      case 'worker': {
        const { deps, database } = await bootstrap(env);
        const worker = startWorker(deps, { handlers: JOB_HANDLERS });
        deps.log.info({ workerId: worker.id }, 'worker started');
        const shutdown = () => {
          void worker
            .stop()
            .then(() => database.close())
            .then(() => process.exit(0));
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
        return await new Promise<number>(() => undefined);
      }
      default:
        process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`tessera ${command}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

function printLogins(): void {
  process.stdout.write(demoLoginText());
}
