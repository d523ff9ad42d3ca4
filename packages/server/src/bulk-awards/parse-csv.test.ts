import { describe, expect, it } from 'vitest';
import type { RubricCriterion } from '@tessera/shared';
import { BulkFileError, detectDelimiter, parseBulkCsv } from './parse-csv.js';
import type { CsvRecord } from './parse-csv.js';
import { cellsOf, checkRow, readHeader } from './validate-row.js';

async function* chunks(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function parse(input: string | Uint8Array, maxBytes = 1_000_000, size = 7) {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const records: CsvRecord[] = [];
  const out = await parseBulkCsv(chunks(bytes, size), {
    maxBytes,
    maxRows: 1000,
    onHeader: () => undefined,
    onRecord: (r) => void records.push(r),
  });
  return { ...out, records };
}

const criteria: RubricCriterion[] = [
  {
    id: 'c1',
    name: 'Prompt design',
    description: '',
    requiredLevelId: 'l2',
    levels: [
      { id: 'l1', name: 'Beginning', description: '', points: 1 },
      { id: 'l2', name: 'Developing', description: '', points: 2 },
      { id: 'l3', name: 'Proficient', description: '', points: 3 },
    ],
  },
];
const cells = (over: Partial<Parameters<typeof checkRow>[0]> = {}) => ({
  email: 'ada@example.org',
  name: 'Ada',
  issuedOn: '',
  narrative: '',
  evidenceUrl: '',
  levels: {},
  ...over,
});
const ctx = { criteria, today: '2026-05-01', duplicateOf: null };

describe('bulk CSV parsing', () => {
  it('drops a UTF-8 BOM, reads CRLF records and quoted newlines, and numbers rows as a spreadsheet does', async () => {
    const out = await parse(
      '\uFEFFemail,name,narrative\r\nada@example.org,Ada,"line one\r\nline two, with a comma"\r\nbob@example.org,"Bob ""B"" Brown",\r\n',
    );
    expect(out.header).toEqual(['email', 'name', 'narrative']);
    expect(out.records).toEqual([
      { row: 2, cells: ['ada@example.org', 'Ada', 'line one\r\nline two, with a comma'] },
      { row: 3, cells: ['bob@example.org', 'Bob "B" Brown', ''] },
    ]);
  });

  it('detects a semicolon delimiter from the header (commas in cells stay text)', async () => {
    expect(detectDelimiter('email;name;narrative')).toBe(';');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    const out = await parse('email;name;narrative\nada@example.org;Ada;Led it, well\n');
    expect(out.delimiter).toBe(';');
    expect(out.records[0]?.cells).toEqual(['ada@example.org', 'Ada', 'Led it, well']);
  });

  it('keeps multi-byte characters split across chunks', async () => {
    const out = await parse('email,name\nzoe@example.org,Zoë Ångström 山田\n', 1_000_000, 3);
    expect(out.records[0]?.cells[1]).toBe('Zoë Ångström 山田');
  });

  it('refuses non-UTF-8 bytes with the line and byte', async () => {
    const latin1 = Uint8Array.from([
      ...new TextEncoder().encode('email,name\nada@example.org,Ren'),
      0xe9,
      ...new TextEncoder().encode('e\n'),
    ]);
    const err = await parse(latin1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulkFileError);
    expect((err as BulkFileError).kind).toBe('encoding');
    expect((err as BulkFileError).message).toContain('line 2, byte 31');
  });

  it('refuses overlong encodings and UTF-16 surrogates (not just unknown lead bytes)', async () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      const bytes = Uint8Array.from([...new TextEncoder().encode('email,name\n'), ...bad]);
      await expect(parse(bytes)).rejects.toMatchObject({ kind: 'encoding' });
    }
  });

  it('stops reading a file over the size limit as soon as it passes the limit', async () => {
    let read = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('email,name\n');
      for (;;) {
        read += 1;
        yield new TextEncoder().encode('someone@example.org,Some One\n'.repeat(100));
      }
    }
    const err = await parseBulkCsv(endless(), {
      maxBytes: 100_000,
      maxRows: 1_000_000,
      onHeader: () => undefined,
      onRecord: () => undefined,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'too_large' });
    expect(read).toBeLessThan(40);
  });

  it('refuses broken quoting as a file error', async () => {
    await expect(parse('email,name\n"ada@example.org,Ada\n')).rejects.toMatchObject({ kind: 'syntax' });
  });
});

describe('bulk CSV header', () => {
  it('accepts the columns in any order and case, and level columns', () => {
    const { map, problems } = readHeader(['Name', 'Issued On', 'level:c1', 'Level: Prompt design']);
    expect(problems).toEqual(['The header has no "email" column']);
    expect(map.levelColumns).toEqual(['level:c1', 'level:Prompt design']);
    const ok = readHeader(['Name', 'E-mail', 'Issued On', 'evidence-url']);
    expect(ok.problems).toEqual([]);
  });

  it('names unknown and repeated columns', () => {
    expect(readHeader(['email', 'name', 'narative', 'email']).problems).toEqual([
      'Unknown column "narative": use email, name, issued_on, narrative, evidence_url and level:<criterion> columns',
      'Column "email" appears twice',
    ]);
  });

  it('counts non-empty cells beyond the header', () => {
    const { map } = readHeader(['email', 'name']);
    expect(cellsOf(['a@example.org', 'A', 'extra', ''], map).extra).toBe(1);
  });
});

describe('bulk row checks (each names the column that fails)', () => {
  it('a good row has no problems and resolves levels by id or name', () => {
    const r = checkRow(
      cells({ issuedOn: '2026-04-30', evidenceUrl: 'https://example.org/work', levels: { 'level:Prompt design': 'proficient' } }),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.results).toEqual([{ criterionId: 'c1', levelId: 'l3' }]);
    expect(r.issuedOn?.toISOString()).toBe('2026-04-30T00:00:00.000Z');
  });

  it.each([
    [{ email: 'not-an-email' }, 'email', 'is not a valid email address'],
    [{ email: '' }, 'email', 'Enter the recipient'],
    [{ name: '  ' }, 'name', 'Enter the recipient'],
    [{ issuedOn: '01/05/2026' }, 'issued_on', 'write it as YYYY-MM-DD'],
    [{ issuedOn: '2026-02-30' }, 'issued_on', 'not a real calendar date'],
    [{ issuedOn: '2026-05-02' }, 'issued_on', 'is in the future'],
    [{ evidenceUrl: 'javascript:alert(1)' }, 'evidence_url', ''],
    [{ evidenceUrl: 'https://exa mple.org' }, 'evidence_url', ''],
    [{ narrative: 'x'.repeat(5001) }, 'narrative', 'at most 5000'],
    [{ levels: { 'level:c9': 'l1' } }, 'level:c9', 'Unknown criterion "c9"'],
    [{ levels: { 'level:c1': 'Expert' } }, 'level:c1', 'Unknown level "Expert"'],
    [{ levels: { 'level:c1': 'l1' } }, 'level:c1', 'below the level required'],
  ])('%j → a problem in %s', (over, column, message) => {
    const r = checkRow(cells(over), ctx);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.column).toBe(column);
    expect(r.problems[0]?.message).toContain(message);
  });

  it('flags the second row with an email (not the first)', () => {
    expect(checkRow(cells({ email: 'ADA@example.org ' }), { ...ctx, duplicateOf: 2 }).problems).toEqual([
      { column: 'email', message: 'Same email as row 2: a person receives this achievement once' },
    ]);
  });

  it('an unknown criterion with an empty cell is no problem', () => {
    expect(checkRow(cells({ levels: { 'level:c9': '' } }), ctx).problems).toEqual([]);
  });
});
