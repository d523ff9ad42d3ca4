/** Public surface of @tessera/credentials: build, sign, verify, status lists and baking. */
export const ENGINE_NAME = 'tessera-credentials';
