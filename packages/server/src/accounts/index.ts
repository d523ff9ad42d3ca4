/** The public surface of the accounts slice: the only module other slices import. */
export { CLEAN_UP_ACCOUNTS_JOB, cleanUpAccounts, scheduleAccountCleanUp } from './clean-up-accounts.js';
export { hashPassword } from './password.js';
export { enforceRateLimit } from './rate-limit.js';
export { SEND_PASSWORD_RESET_JOB } from './request-password-reset.js';
export { resolveSession } from './resolve-session.js';
export { accountRoutes } from './routes.js';
export { sendPasswordReset } from './send-password-reset.js';
export { countAccounts, findAccountByEmail, findAccountById, insertAccount } from './store.js';
export type { AccountRow, SessionRow } from './store.js';
