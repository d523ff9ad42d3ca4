import type { AccountRow, SessionRow } from '../accounts/index.js';
import type { Deps } from '../context.js';

/** The authenticated caller, when there is one. */
export interface AuthState {
  account: AccountRow;
  session: SessionRow;
}

/** Hono environment for every Tessera route. */
export interface AppEnv {
  Variables: {
    deps: Deps;
    auth: AuthState | null;
    requestId: string;
    ip: string | null;
  };
}
