import { runBenchCommand } from './bench-command.js';
import { runKeygen, runSign } from './key-commands.js';
import { runVerify } from './verify-command.js';

/** CLI commands about credentials, keyed by name. */
export const credentialCommands: Record<string, (argv: string[]) => Promise<number>> = {
  keygen: runKeygen,
  sign: runSign,
  verify: runVerify,
  bench: runBenchCommand,
};
