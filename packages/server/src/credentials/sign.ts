import { documentLoader, signDataIntegrity as engineSign } from '@tessera/credentials';
import type { Signer } from '../keys/index.js';

/** Sign with an embedded Data Integrity proof (eddsa-rdfc-2022) through the credentials engine; `proof` is an array, as the OB 3.0 schemas require. */
export async function signDataIntegrity(
  credential: Record<string, unknown>,
  signer: Signer,
  created: Date,
  documents?: ReadonlyMap<string, unknown>,
): Promise<Record<string, unknown>> {
  if (signer.algorithm !== 'Ed25519')
    throw new Error(
      `A Data Integrity proof (eddsa-rdfc-2022) needs an Ed25519 key; this is a ${signer.algorithm} key, which signs JWTs (ES256) only`,
    );
  return engineSign(credential, {
    signer: { id: signer.id, sign: (data) => signer.sign({ data }) },
    created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    loader: documentLoader(documents),
  });
}
