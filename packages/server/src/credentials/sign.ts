import { documentLoader, signDataIntegrity as engineSign } from '@tessera/credentials';
import type { Signer } from '../keys/load-signer.js';

/** Sign with an embedded Data Integrity proof (eddsa-rdfc-2022) through the credentials engine; `proof` is an array, as the OB 3.0 schemas require. */
export async function signDataIntegrity(credential: Record<string, unknown>, signer: Signer, created: Date): Promise<Record<string, unknown>> {
  return engineSign(credential, {
    signer: { id: signer.id, sign: (data) => signer.sign({ data }) },
    created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    loader: documentLoader(),
  });
}
