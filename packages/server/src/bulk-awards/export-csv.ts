import { stringify } from 'csv-stringify/sync';
import type { Deps } from '../context.js';
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../shared/errors.js';
import { awardableRubric } from './create-bulk-run.js';
import { allRows, findRun } from './store.js';
import { BULK_COLUMNS, LEVEL_PREFIX } from './validate-row.js';

/** Which CSV to export: the per-row report of a run, its problems, or an achievement's empty template. */
export type BulkCsvKind =
  { kind: 'report'; runId: string } | { kind: 'problems'; runId: string } | { kind: 'template'; achievementId: string };

const encoder = new TextEncoder();

/** A CSV streamed page by page (the report of a 100,000-row run never sits in memory whole). */
function csvStream(header: string[], pages: AsyncIterable<string[][]>): ReadableStream<Uint8Array> {
  const iterator = pages[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(stringify([header], { record_delimiter: 'windows' })));
        return;
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(stringify(next.value, { record_delimiter: 'windows' })));
    },
  });
}

/**
 * Export a bulk CSV: the report (row, email, name, outcome — issued / skipped / failed / not issued — with the
 * credential id or the reason), the problems of a dry run (one line per cell problem), or the template of an
 * achievement (its columns, with one `level:<criterion id>` column per rubric criterion).
 */
export async function exportBulkCsv(
  deps: Deps,
  opts: { org: OrgRow; what: BulkCsvKind },
): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const what = opts.what;
  if (what.kind === 'template') {
    const { criteria, achievement } = await awardableRubric(deps, opts.org.id, what.achievementId);
    const header = [...BULK_COLUMNS, ...criteria.map((c) => `${LEVEL_PREFIX}${c.id}`)];
    return { filename: `bulk-award-template-${achievement.id}.csv`, body: csvStream(header, (async function* () {})()) };
  }
  const run = await findRun(deps.db, opts.org.id, what.runId);
  if (!run) throw new AppError('not_found', 'No such bulk award run');
  const db = deps.db;
  if (what.kind === 'report') {
    const pages = (async function* () {
      for await (const rows of allRows(db, run.id)) {
        yield rows.map((r) => {
          const outcome =
            r.outcome === 'pending'
              ? run.state === 'cancelled'
                ? 'not issued (cancelled)'
                : 'pending'
              : r.outcome === 'skipped'
                ? 'skipped (duplicate)'
                : r.outcome;
          return [String(r.row), r.email, r.name, outcome, r.credentialId ?? '', r.message ?? ''];
        });
      }
    })();
    return {
      filename: `bulk-award-report-${run.id}.csv`,
      body: csvStream(['row', 'email', 'name', 'outcome', 'credential_id', 'reason'], pages),
    };
  }
  const pages = (async function* () {
    for await (const rows of allRows(db, run.id)) {
      yield rows.flatMap((r) =>
        r.problems.map((p) => {
          const value =
            p.column === 'email'
              ? r.email
              : p.column === 'name'
                ? r.name
                : p.column === 'issued_on'
                  ? r.issuedOn
                  : p.column === 'narrative'
                    ? r.narrative
                    : p.column === 'evidence_url'
                      ? r.evidenceUrl
                      : (r.levels[p.column] ?? '');
          return [String(r.row), p.column, value, p.message];
        }),
      );
    }
  })();
  return { filename: `bulk-award-problems-${run.id}.csv`, body: csvStream(['row', 'column', 'value', 'problem'], pages) };
}
