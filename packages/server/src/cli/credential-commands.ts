import { runVerify } from './verify-command.js';

/** CLI commands about credentials, keyed by name. */
export const credentialCommands: Record<string, (argv: string[]) => Promise<number>> = {
  verify: runVerify,
};
