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
        setProblem({
          type: 'about:blank',
          title: 'Something went wrong',
          status: 0,
          code: 'client_error',
          detail: err instanceof Error ? err.message : String(err),
        });
      }
      return false;
    } finally {
      setSubmitting(false);
    }
  }, []);

  return { submitting, problem, fieldErrors, setFieldErrors, run, reset };
}

/**
 * A @mantine/form `validate` function from a shared zod schema (the same schema the API validates with), so
 * `useForm({ validate: schemaResolver(Schema) })` shows the server's messages under the matching fields.
 */
export function schemaResolver<T>(schema: ParseSchema<T>): (values: unknown) => FieldErrors {
  return (values) => {
    const result = validate(schema, values);
    return result.ok ? {} : result.errors;
  };
}

/** Field problems (`{ path, message }`, as the API returns them) as field errors; the first message per path wins. */
export function problemsToErrors(problems: ReadonlyArray<{ path: string; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) errors[p.path] ??= p.message;
  return errors;
}

/** The field errors of a failed API call (`errors[].path`), or none. */
export function apiFieldErrors(error: unknown): FieldErrors {
  return error instanceof ApiError ? problemsToErrors(error.problem.errors ?? []) : {};
}

/**
 * The errors still worth showing after the values changed: a message stays while its field is still wrong (with
 * today's wording) and goes as soon as it is fixed. `found` is what the client checks find now. An error only the
 * server could find (`serverValues` holds the value it judged) stays until that field's value changes. Nothing new
 * is added: fields the person has not been told about yet are left alone while they type.
 */
export function keepUnfixedErrors(opts: {
  shown: Readonly<Record<string, unknown>>;
  found: FieldErrors;
  serverValues: ReadonlyMap<string, string>;
  valueAt: (path: string) => unknown;
}): FieldErrors {
  const next: FieldErrors = {};
  for (const [path, message] of Object.entries(opts.shown)) {
    const now = opts.found[path];
    if (now !== undefined) next[path] = now;
    else if (
      opts.serverValues.has(path) &&
      opts.serverValues.get(path) === JSON.stringify(opts.valueAt(path) ?? null) &&
      typeof message === 'string'
    )
      next[path] = message;
  }
  return next;
}

/** The value at a dotted path (`rubric.criteria.0.name`) of a plain object, or undefined. */
export function valueAtPath(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = Reflect.get(at, key);
  }
  return at;
}
