import type { Deps } from '../context.js';
import { verifyInput } from '../verify/index.js';

/** The verifier's verdict for one of our credentials, by its URL (read from our own database, nothing fetched). */
export async function verdictOf(deps: Deps, credentialId: string): Promise<string> {
  try {
    return (await verifyInput(deps, { kind: 'url', url: credentialId })).verdict;
  } catch {
    return 'indeterminate';
  }
}
