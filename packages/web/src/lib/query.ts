/**
 * Server data for the web UI: every response goes through TanStack Query's cache and is parsed by the shared
 * zod contract of its endpoint, so a page never trusts a shape it did not check.
 */
import { QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import { api, ApiError } from './api';
import type { ApiOptions } from './api';

/** The one query cache of the app. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again; network failures and 5xx get one retry.
      retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      staleTime: 15_000,
      refetchOnWindowFocus: false,
    },
  },
});

/** The cache key of a GET on `path` (relative to /api/v1). */
export function apiKey(path: string): readonly ['api', string] {
  return ['api', path] as const;
}

/** Parse a response with its contract; a mismatch is reported like a server error, never passed on. */
export function parseResponse<S extends z.ZodType>(schema: S, body: unknown, path: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  throw new ApiError({
    type: 'about:blank',
    title: 'Unexpected answer',
    status: 502,
    code: 'bad_response',
    detail: `The server's answer to ${path} was not what this page expects${where}. Reload the page; if it persists, report it.`,
  });
}

/** Call the API and parse the answer with `schema` (use `z.undefined()`/`z.unknown()` for 204 or ignored bodies). */
export async function apiCall<S extends z.ZodType>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  schema: S,
  options: ApiOptions = {},
): Promise<z.output<S>> {
  const body = await api(method, path, options);
  return parseResponse(schema, body, path);
}

/** The state of a loaded resource. */
export type Resource<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'error'; data: undefined; error: unknown }
  | { status: 'ok'; data: T; error: undefined };

/** Options of {@link useApiQuery}. */
export interface ApiQueryOptions {
  /** Poll every so many milliseconds while mounted (live progress). */
  refetchInterval?: number | false;
}

/**
 * GET `path` (relative to /api/v1) through the query cache, parsed by `schema`; `null` skips loading.
 * Returns the resource state plus `reload` (refetch) and `setData` (write the cache after a mutation).
 */
export function useApiQuery<S extends z.ZodType>(
  path: string | null,
  schema: S,
  options: ApiQueryOptions = {},
): Resource<z.output<S>> & { reload: () => void; setData: (data: z.output<S>) => void; fetching: boolean } {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: apiKey(path ?? ''),
    enabled: path !== null,
    queryFn: ({ signal }) => apiCall('GET', path ?? '', schema, { signal }),
    refetchInterval: options.refetchInterval ?? false,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const setData = useCallback((data: z.output<S>) => client.setQueryData(apiKey(path ?? ''), data), [client, path]);
  const base = { reload, setData, fetching: query.isFetching };
  if (query.status === 'error') return { status: 'error', data: undefined, error: query.error, ...base };
  if (query.status === 'success') return { status: 'ok', data: query.data, error: undefined, ...base };
  return { status: 'loading', data: undefined, error: undefined, ...base };
}

/** Mark every cached GET whose path starts with `prefix` as stale (refetched when shown). */
export function invalidateApi(prefix: string): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] === 'api' && typeof q.queryKey[1] === 'string' && q.queryKey[1].startsWith(prefix),
  });
}
