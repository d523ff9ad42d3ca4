import { z } from 'zod';
import { LIMITS } from '../limits.js';

/** One problem with one cell of a bulk-award CSV row (`column` is the CSV column, or `row` for the whole row). */
export const BulkCellProblem = z.object({ column: z.string(), message: z.string() });
/** One problem with one cell. */
export type BulkCellProblem = z.infer<typeof BulkCellProblem>;

/** The cells of one bulk-award row, as the owner wrote (or edited) them. */
export const BulkRowCells = z.object({
  email: z.string().max(1000),
  name: z.string().max(1000),
  issuedOn: z.string().max(100),
  narrative: z.string().max(LIMITS.awardNarrativeMaxLength * 2),
  evidenceUrl: z.string().max(LIMITS.urlMaxLength * 2),
  /** Per-criterion levels keyed by the CSV column (`level:<criterion id or name>`), as written. */
  levels: z.record(z.string().max(200), z.string().max(200)),
});
/** The cells of one row. */
export type BulkRowCells = z.infer<typeof BulkRowCells>;

/** What happened to a row when the run reached it. */
export const BulkRowOutcome = z.enum(['pending', 'issued', 'skipped', 'failed']);
/** A row outcome. */
export type BulkRowOutcome = z.infer<typeof BulkRowOutcome>;

/** One row of a bulk run: its cells, its problems (dry run), and its outcome (run). */
export const BulkRow = z.object({
  /** The row number as a spreadsheet shows it: the header is row 1, the first recipient row 2. */
  row: z.number().int(),
  cells: BulkRowCells,
  problems: z.array(BulkCellProblem),
  outcome: BulkRowOutcome,
  credentialId: z.string().nullable(),
  /** Why a row failed or was skipped. */
  message: z.string().nullable(),
});
/** One row of a bulk run. */
export type BulkRow = z.infer<typeof BulkRow>;

/** The life of a bulk run: validated (draft), waiting for a worker, issuing, paused, cancelled or finished. */
export const BulkRunState = z.enum(['draft', 'queued', 'running', 'paused', 'cancelled', 'completed']);
/** A bulk run state. */
export type BulkRunState = z.infer<typeof BulkRunState>;

/** A bulk award run with its live progress. */
export const BulkRun = z.object({
  id: z.string(),
  achievementId: z.string(),
  achievementName: z.string(),
  fileName: z.string(),
  state: BulkRunState,
  /** Rows in the file (without the header). */
  total: z.number().int(),
  /** Rows with at least one problem (dry run; they fail when the run reaches them). */
  problemRows: z.number().int(),
  /** The per-criterion level columns the file has. */
  levelColumns: z.array(z.string()),
  done: z.number().int(),
  issued: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  /** Rows per second since the run started (null before it started). */
  ratePerSecond: z.number().nullable(),
  /** Estimated seconds until the last row (null while unknown). */
  secondsLeft: z.number().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Why a run stopped early (a job that ran out of attempts). */
  lastError: z.string().nullable(),
});
/** A bulk award run. */
export type BulkRun = z.infer<typeof BulkRun>;

/** A page of rows. */
export const BulkRowPage = z.object({ items: z.array(BulkRow), nextCursor: z.number().int().nullable() });
/** A page of rows. */
export type BulkRowPage = z.infer<typeof BulkRowPage>;

/** An edit of one row's cells in the problem grid (only the cells given change). */
export const BulkRowEdit = BulkRowCells.partial();
/** An edit of one row. */
export type BulkRowEdit = z.infer<typeof BulkRowEdit>;

/** What a bulk revocation acts on: credential ids (from a CSV), or a filter. */
export const BulkRevokeTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(z.string().trim().min(1).max(500)).min(1).max(10_000) }),
  z.object({
    kind: z.literal('filter'),
    achievementId: z.string().max(100).optional(),
    runId: z.string().max(100).optional(),
    issuedAfter: z.iso.date().optional(),
    issuedBefore: z.iso.date().optional(),
  }),
]);
/** What a bulk revocation acts on. */
export type BulkRevokeTarget = z.infer<typeof BulkRevokeTarget>;

/** A preview of a bulk revocation: how many credentials it would revoke. */
export const BulkRevokePreview = z.object({
  count: z.number().int(),
  alreadyRevoked: z.number().int(),
  /** Ids given that are not credentials of this organisation. */
  unknown: z.array(z.string()),
  sample: z.array(z.object({ id: z.string(), achievementName: z.string(), recipient: z.string(), issuedAt: z.string() })),
});
/** A bulk revocation preview. */
export type BulkRevokePreview = z.infer<typeof BulkRevokePreview>;

/** A bulk revocation: its target, its reason, and the count the owner confirmed from the preview. */
export const BulkRevokeInput = z.object({
  target: BulkRevokeTarget,
  reason: z.string().trim().min(1).max(500),
  expectedCount: z.number().int().min(0),
});
/** A bulk revocation request. */
export type BulkRevokeInput = z.infer<typeof BulkRevokeInput>;

/** The outcome of a bulk revocation. */
export const BulkRevokeResult = z.object({ revoked: z.number().int(), alreadyRevoked: z.number().int(), unknown: z.array(z.string()) });
/** The outcome of a bulk revocation. */
export type BulkRevokeResult = z.infer<typeof BulkRevokeResult>;

/** The CLI's final summary of a bulk run (`tessera award --json`). */
export const BulkSummary = z.object({ issued: z.number().int(), skipped: z.number().int(), failed: z.number().int(), seconds: z.number() });
/** The CLI's final summary. */
export type BulkSummary = z.infer<typeof BulkSummary>;
