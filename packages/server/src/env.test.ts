import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env.js';

describe('configuration', () => {
  it('applies defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, TESSERA_DATA_DIR: './data', TESSERA_BASE_URL: 'http://localhost:3000', TESSERA_WORKERS: 1 });
  });

  it('derives the base URL from the port and strips a trailing slash', () => {
    expect(parseEnv({ PORT: '4100' }).TESSERA_BASE_URL).toBe('http://localhost:4100');
    expect(parseEnv({ TESSERA_BASE_URL: 'https://badges.example.edu/' }).TESSERA_BASE_URL).toBe('https://badges.example.edu');
  });

  it('lists every problem at once', () => {
    let message = '';
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TESSERA_MASTER_KEY: 'short', TESSERA_TRUST_PROXY: 'maybe' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    for (const key of ['PORT', 'DATABASE_URL', 'TESSERA_MASTER_KEY', 'TESSERA_TRUST_PROXY']) expect(message).toContain(`- ${key}:`);
  });
});
