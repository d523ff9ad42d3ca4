import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Info } from 'csv-parse';

/** Why a whole bulk-award file was refused (not one row): too large, not UTF-8, no usable header. */
export class BulkFileError extends Error {
  /** `too_large` maps to 413, the others to 400. */
  readonly kind: 'too_large' | 'encoding' | 'header' | 'syntax' | 'too_many_rows';
  constructor(kind: BulkFileError['kind'], message: string) {
    super(message);
    this.kind = kind;
  }
}

/** One parsed record: its spreadsheet row number (header = 1) and its cells in column order. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** Options for parsing a bulk-award CSV. */
export interface ParseCsvOptions {
  maxBytes: number;
  maxRows: number;
  /** Called with the header row before any record (throw to refuse the file). */
  onHeader(header: string[]): void;
  /** Called with each data record, in order; awaited (so the caller can write batches). */
  onRecord(record: CsvRecord): Promise<void> | void;
}

/**
 * Checks a byte stream is UTF-8 as it passes, and says where it is not: the byte offset and the line of the first
 * byte that cannot start or continue a character (overlong forms, surrogates and values above U+10FFFF included).
 */
class Utf8Guard {
  private offset = 0;
  private start = 0;
  private line = 1;
  private need = 0;
  private lower = 0x80;
  private upper = 0xbf;

  check(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] ?? 0;
      if (this.need === 0) {
        if (b === 0x0a) this.line += 1;
        if (b < 0x80) {
          this.offset += 1;
          continue;
        }
        this.start = this.offset;
        if (b >= 0xc2 && b <= 0xdf) this.need = 1;
        else if (b >= 0xe0 && b <= 0xef) {
          this.need = 2;
          if (b === 0xe0) this.lower = 0xa0;
          if (b === 0xed) this.upper = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          this.need = 3;
          if (b === 0xf0) this.lower = 0x90;
          if (b === 0xf4) this.upper = 0x8f;
        } else {
          this.start = this.offset;
          this.fail();
        }
      } else {
        if (b < this.lower || b > this.upper) this.fail();
        this.lower = 0x80;
        this.upper = 0xbf;
        this.need -= 1;
      }
      this.offset += 1;
    }
  }

  end(): void {
    if (this.need > 0) this.fail();
  }

  private fail(): never {
    throw new BulkFileError(
      'encoding',
      `The file is not UTF-8: line ${this.line}, byte ${this.start + 1} is not valid UTF-8. Save the file as "CSV UTF-8" and upload it again.`,
    );
  }
}

/** The delimiter of a header line: `;` when it has more semicolons than commas outside quotes, else `,`. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/** Text from a byte stream, checked for UTF-8 and for the size limit as it passes (never more than one chunk held). */
async function* checkedText(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number): AsyncGenerator<string> {
  const guard = new Utf8Guard();
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes)
      throw new BulkFileError(
        'too_large',
        `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Split it into smaller files.`,
      );
    guard.check(chunk);
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  guard.end();
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * Parse a bulk-award CSV from a byte stream with csv-parse: a UTF-8 BOM is dropped, the delimiter (`,` or `;`) is
 * read from the header line, quoted cells may hold newlines and delimiters, CRLF and LF both end records, and empty
 * lines are skipped. The header (row 1) is returned; each data record goes to `onRecord` as it is parsed.
 * Throws BulkFileError for a file that is too large, not UTF-8, has too many rows or broken quoting.
 */
export async function parseBulkCsv(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: ParseCsvOptions,
): Promise<{ header: string[]; delimiter: ',' | ';'; rows: number }> {
  const text = checkedText(source, opts.maxBytes);
  // Read until the header line is complete, to choose the delimiter before parsing.
  let head = '';
  while (!/[\r\n]/.test(head) && head.length < 1_000_000) {
    const next = await text.next();
    if (next.done) break;
    head += next.value;
  }
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  async function* all(): AsyncGenerator<string> {
    if (head) yield head;
    yield* text;
  }
  const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 1_000_000 });
  const input = Readable.from(all(), { objectMode: false });
  // A size or encoding refusal from the input ends the parse with that error.
  input.once('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let header: string[] | null = null;
  let rows = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const row = item.info.records;
      if (!header) {
        header = item.record;
        opts.onHeader(header);
        continue;
      }
      rows += 1;
      if (rows > opts.maxRows)
        throw new BulkFileError('too_many_rows', `The file has more than ${opts.maxRows} rows. Split it into smaller files.`);
      await opts.onRecord({ row, cells: item.record });
    }
  } catch (err) {
    input.destroy();
    parser.destroy();
    if (err instanceof BulkFileError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new BulkFileError('syntax', `The file could not be read as CSV: ${message}`);
  }
  if (!header) throw new BulkFileError('header', 'The file is empty: the first row must name the columns (email, name, …).');
  return { header, delimiter, rows };
}
