import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where file bytes live; local disk today, object storage later behind the same port. */
export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer>;
}

/** Files under `<dataDir>/files/<key>`, written atomically. */
export function localFileStorage(dataDir: string): FileStorage {
  const root = join(dataDir, 'files');
  const pathOf = (key: string) => {
    if (!/^[a-z0-9/_-]+$/i.test(key) || key.includes('..')) throw new Error('bad storage key');
    return join(root, key);
  };
  return {
    put: async (key, bytes) => {
      const file = pathOf(key);
      await mkdir(dirname(file), { recursive: true });
      const tmp = `${file}.tmp-${process.pid}`;
      await writeFile(tmp, bytes, { mode: 0o600 });
      await rename(tmp, file);
    },
    get: async (key) => readFile(pathOf(key)),
  };
}
