/** The public surface of the keys slice: the only module other slices import. */
export { createSigningKey, keyContext } from './create-signing-key.js';
export { getDidDocument } from './did-document.js';
export { Keyring, masterKeyId } from './keyring.js';
export { listKeys } from './list-keys.js';
export { loadOrgSigner, signerOf } from './load-signer.js';
export type { Signer } from './load-signer.js';
export { ed25519PrivateKey, generateEd25519, generateP256, p256PrivateKey, p256PublicMultibase, signBytes } from './material.js';
export { decodeEd25519SecretMultibase, didKeyOf, encodeEd25519SecretMultibase } from './multikey.js';
export { getPlatformDidDocument, loadPlatformSigner } from './platform-key.js';
export { presentKey, verificationMethodId } from './present.js';
export { rotateMasterKey } from './rotate-master-key.js';
export { rotateSigningKey } from './rotate-signing-key.js';
export { publicKeyRoutes } from './routes.js';
export { findCurrentKey } from './store.js';
