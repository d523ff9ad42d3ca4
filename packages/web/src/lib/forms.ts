/** Form helpers: client-side validation with the shared zod schemas and server field errors. */
import { useCallback, useState } from 'react';
import { ApiError } from './api';
import type { Problem } from './types';

/** Field errors keyed by dotted path (the same paths the API returns in `errors[].path`). */
export type FieldErrors = Record<string, string>;

interface Issue {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
}

/** The part of a zod schema the forms use. */
export interface ParseSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<Issue> } };
}

/** Validate form values against a shared schema; field errors use dotted paths. */
export function validate<T>(schema: ParseSchema<T>, value: unknown): { ok: true; data: T } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '(body)';
    errors[path] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Turn an empty or blank string into null (optional, nullable API fields). */
export function blankToNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}

/** State of one form: submitting flag, the last problem and field errors. */
export interface FormState {
  submitting: boolean;
  problem: Problem | null;
  fieldErrors: FieldErrors;
  /** Show client-side validation errors. */
  setFieldErrors: (errors: FieldErrors) => void;
  /** Run a submission; API failures become `problem` and `fieldErrors`. Resolves true on success. */
  run: (action: () => Promise<void>) => Promise<boolean>;
  /** Clear errors. */
  reset: () => void;
}

/** Hook holding a form's submission state. */
export function useFormState(): FormState {
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [fieldErrors, setFieldErrorsState] = useState<FieldErrors>({});

  const setFieldErrors = useCallback((errors: FieldErrors) => {
    setFieldErrorsState(errors);
    setProblem(null);
  }, []);

  const reset = useCallback(() => {
    setFieldErrorsState({});
    setProblem(null);
  }, []);

  const run = useCallback(async (action: () => Promise<void>) => {
    setSubmitting(true);
    setProblem(null);
    setFieldErrorsState({});
    try {
      await action();
      return true;
    } catch (err) {
      if (err instanceof ApiError) {
        setProblem(err.problem);
        const errors: FieldErrors = {};
        for (const e of err.problem.errors ?? []) errors[e.path] ??= e.message;
        setFieldErrorsState(errors);
      } else {
        setProblem({ type: 'about:blank', title: 'Something went wrong', status: 0, code: 'client_error', detail: err instanceof Error ? err.message : String(err) });
      }
      return false;
    } finally {
      setSubmitting(false);
    }
  }, []);

  return { submitting, problem, fieldErrors, setFieldErrors, run, reset };
}
