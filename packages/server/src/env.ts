import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable Tessera reads, with defaults and constraints. */
export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    TESSERA_BASE_URL: z
      .string()
      .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), { message: 'must be an http(s) URL' })
      .optional(),
    TESSERA_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
      .optional(),
    TESSERA_MASTER_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, { message: 'must be 64 hexadecimal characters (32 bytes)' })
      .optional(),
    /** The master key `tessera rotate-master-key` moves to (else a file given with --new-key-file, else a new one). */
    TESSERA_NEW_MASTER_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, { message: 'must be 64 hexadecimal characters (32 bytes)' })
      .optional(),
    TESSERA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TESSERA_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, { message: 'must start with smtp:// or smtps://' })
      .optional(),
    TESSERA_MAIL_FROM: z.string().min(3).default('Tessera <no-reply@tessera.local>'),
    TESSERA_SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    TESSERA_TRUST_PROXY: bool.default(false),
    TESSERA_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
    TESSERA_SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
    /** A session unused for this long ends, whatever its absolute lifetime (TESSERA_SESSION_DAYS). */
    TESSERA_SESSION_IDLE_HOURS: z.coerce
      .number()
      .min(0.05)
      .max(24 * 90)
      .default(12),
    /** Sign-ups per client address per hour. */
    TESSERA_SIGNUP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
    TESSERA_REMOTE_FETCH: z.enum(['on', 'off']).optional(),
    TESSERA_FETCH_ALLOW_PRIVATE: bool.default(false),
    TESSERA_VERIFY_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
    /** Worker CPU time (wall-clock off Linux) one verification may spend before it ends indeterminate ("took too long"). */
    TESSERA_VERIFY_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
    /** Worker threads that verify credentials off the event loop. */
    TESSERA_VERIFY_THREADS: z.coerce.number().int().min(1).max(64).default(1),
    /** Verifications that may wait for a worker; more are answered 503. */
    TESSERA_VERIFY_QUEUE: z.coerce.number().int().min(1).max(10_000).default(32),
    /** Wallet imports and re-verifications per account per minute. */
    TESSERA_WALLET_IMPORTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
    TESSERA_WEB_DIST: z.string().min(1).optional(),
  })
  .transform((e) => ({
    ...e,
    TESSERA_BASE_URL: (e.TESSERA_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    // Tests never reach the network: remote fetching is off under NODE_ENV=test unless asked for.
    TESSERA_REMOTE_FETCH: e.TESSERA_REMOTE_FETCH ?? (e.NODE_ENV === 'test' ? 'off' : 'on'),
  }));

/** Parsed configuration. */
export type Env = z.infer<typeof EnvSchema>;

/** Thrown when the environment is invalid; the message lists every problem. */
export class ConfigError extends Error {}

/** Parse configuration from an environment object (the only reader of process.env is the CLI entry). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Read the process environment once. */
export function loadEnv(): Env {
  return parseEnv(process.env);
}
