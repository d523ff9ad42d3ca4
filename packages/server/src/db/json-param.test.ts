import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/harness.js';
import type { TestContext } from '../testing/harness.js';
import { jsonParam } from './json-param.js';
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
});
