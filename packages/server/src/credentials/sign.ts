import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { issue } from '@digitalbazaar/vc';
import type { Signer } from '../keys/load-signer.js';
import { bundledDocumentLoader } from './documents.js';

/** Sign with an embedded Data Integrity proof (eddsa-rdfc-2022); `proof` is returned as an array, as the OB 3.0 schemas require. */
export async function signDataIntegrity(credential: Record<string, unknown>, signer: Signer, created: Date): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022, date: created });
  const signed = await issue({ credential, suite, documentLoader: bundledDocumentLoader(), now: created });
  const proof = signed['proof'];
  return { ...signed, proof: Array.isArray(proof) ? proof : [proof] };
}
