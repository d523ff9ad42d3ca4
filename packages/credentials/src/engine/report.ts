import { z } from 'zod';

/** Status of one verification step. */
export const StepStatus = z.enum(['passed', 'failed', 'warning', 'unknown']);

/** One step of a verification report. */
export const Step = z.object({ id: z.string(), status: StepStatus, message: z.string() });
/** One step of a verification report. */
export type Step = z.infer<typeof Step>;

/** The overall verdict. */
export const Verdict = z.enum(['valid', 'invalid', 'indeterminate']);
/** The overall verdict. */
export type Verdict = z.infer<typeof Verdict>;

/** A verification report: ordered steps, the verdict, and what the credential claims (when it could be read). */
export const Report = z.object({
  verdict: Verdict,
  steps: z.array(Step),
  format: z.string().nullable(),
  credential: z.record(z.string(), z.unknown()).nullable(),
  /** Embedded endorsements, each checked on its own: only `verified` (and `expired`, marked so) may be displayed as endorsements. */
  endorsements: z
    .array(
      z.object({
        index: z.number().int(),
        outcome: z.enum(['verified', 'expired', 'rejected']),
        credential: z.record(z.string(), z.unknown()).nullable(),
      }),
    )
    .optional(),
});
/** A verification report. */
export type Report = z.infer<typeof Report>;

/** `valid` when no step failed or is unknown; `invalid` when a step failed; `indeterminate` otherwise. */
export function verdictOf(steps: readonly Step[]): Verdict {
  if (steps.some((s) => s.status === 'failed')) return 'invalid';
  if (steps.some((s) => s.status === 'unknown')) return 'indeterminate';
  return 'valid';
}

/** Shorthands for building steps. */
export const step = {
  passed: (id: string, message: string): Step => ({ id, status: 'passed', message }),
  failed: (id: string, message: string): Step => ({ id, status: 'failed', message }),
  warning: (id: string, message: string): Step => ({ id, status: 'warning', message }),
  unknown: (id: string, message: string): Step => ({ id, status: 'unknown', message }),
};

/** A readable message for anything thrown. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
