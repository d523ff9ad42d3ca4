/** CLI commands provided by the credentials engine, keyed by name; filled in as the engine lands. */
export const credentialCommands: Record<string, (argv: string[]) => Promise<number>> = {};
