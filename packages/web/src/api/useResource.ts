import { useCallback, useEffect, useState } from 'react';
import { type ApiError, isAbortError, toApiError } from './client.ts';

export type ResourceState<T> =
  | { status: 'idle'; data?: undefined; error?: undefined }
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'success'; data: T; error?: undefined }
  | { status: 'error'; data?: T; error: ApiError };

export type Resource<T> = ResourceState<T> & { retry: () => void };

/**
 * Loads data for a component. A new `key` (or `retry`) aborts the request in flight, so a slow
 * answer to an old search can never overwrite a newer one. `load === null` means "nothing to
 * load" (idle). While reloading, the previous data stays available to avoid flicker.
 */
export function useResource<T>(key: string, load: ((signal: AbortSignal) => Promise<T>) | null): Resource<T> {
  const [state, setState] = useState<ResourceState<T>>({ status: load ? 'loading' : 'idle' });
  const [attempt, setAttempt] = useState(0);
  const enabled = load !== null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `attempt` decide when to load again; `load` is a new function on every render
  useEffect(() => {
    if (!load) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState((prev) => ({ status: 'loading', data: prev.data }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setState((prev) => ({ status: 'error', data: prev.data, error: toApiError(error) }));
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; `key` names what it loads.
  }, [key, attempt, enabled]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
