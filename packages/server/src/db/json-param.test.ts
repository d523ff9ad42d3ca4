import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { jsonBatch, jsonParam } from './json-param.js';
import { queryRows } from './rows.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('JSON batch parameters', () => {
  it('replace lone surrogates in string values at any depth with U+FFFD and keep pairs (keys are the code’s own)', () => {
    expect(JSON.parse(jsonParam({ a: 'x\uD800y', b: ['\uDC00', '😀'], c: { 'k\uDBFF': 1 } }))).toEqual({
      a: 'x\uFFFDy',
      b: ['\uFFFD', '😀'],
      c: { 'k\uDBFF': 1 },
    });
    expect(jsonParam('😀\uD83D')).toBe('"😀\uFFFD"');
  });

  it('go into json_to_recordset where the raw JSON.stringify text is refused by the database', async () => {
    const rows = [{ t: 'bad \uD800 name', d: { reason: '\uDFFF' } }];
    // The step that must fail: PostgreSQL refuses the escaped lone surrogate in the JSON text.
    await expect(
      queryRows(ctx.deps.db, sql`select t from json_to_recordset(${JSON.stringify(rows)}::json) as x(t text, d jsonb)`),
    ).rejects.toThrow();
    const [row] = await queryRows<{ t: string; d: { reason: string } }>(
      ctx.deps.db,
      sql`select t, d from json_to_recordset(${jsonParam(rows)}::json) as x(t text, d jsonb)`,
    );
    expect(row).toEqual({ t: 'bad \uFFFD name', d: { reason: '\uFFFD' } });
  });

  it('go to the database as UTF-8 bytes and come back as the same values (accents, emoji, quotes, escapes, NUL-free controls)', async () => {
    const rows = [
      { t: 'Chloé Martin — 😀 "quoted" back\\slash \t tab', d: { nested: ['ü', { k: 'Ω' }], n: 1.5 } },
      { t: 'bad \uD800 name', d: { reason: '\uDFFF' } },
    ];
    const got = await queryRows<{ t: string; d: unknown }>(
      ctx.deps.db,
      sql`select t, d from json_to_recordset(${jsonBatch(jsonParam(rows))}) as x(t text, d jsonb)`,
    );
    expect(got).toEqual([
      { t: 'Chloé Martin — 😀 "quoted" back\\slash \t tab', d: { nested: ['ü', { k: 'Ω' }], n: 1.5 } },
      { t: 'bad \uFFFD name', d: { reason: '\uFFFD' } },
    ]);
  });

  it('are checked as JSON by the database: text that is not JSON is refused, nothing half-read', async () => {
    // The step that must fail: the server's json input refuses the decoded text.
    await expect(
      queryRows(ctx.deps.db, sql`select count(*) from json_to_recordset(${jsonBatch('[{"t": 1},')}) as x(t int)`),
    ).rejects.toThrow(/json/i);
  });
});
