/** Load a resource from the API with loading, error and reload states. */
import { useCallback, useEffect, useState } from 'react';
import { api } from './api';

/** The state of a loaded resource. */
export type Resource<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'error'; data: undefined; error: unknown }
  | { status: 'ok'; data: T; error: undefined };

/** GET `path` (relative to /api/v1) whenever it changes; `null` skips loading. */
export function useResource<T>(path: string | null): Resource<T> & { reload: () => void; setData: (data: T) => void } {
  const [state, setState] = useState<Resource<T>>({ status: 'loading', data: undefined, error: undefined });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((prev) => (prev.status === 'ok' && version > 0 ? prev : { status: 'loading', data: undefined, error: undefined }));
    api<T>('GET', path, { signal: controller.signal }).then(
      (data) => setState({ status: 'ok', data, error: undefined }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', data: undefined, error });
      },
    );
    return () => controller.abort();
  }, [path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback((data: T) => setState({ status: 'ok', data, error: undefined }), []);
  return { ...state, reload, setData };
}
