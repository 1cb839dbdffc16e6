import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { t } from '../i18n/i18n';

export type Resource<T> =
  | { state: 'loading'; reload: () => void }
  | { state: 'error'; error: unknown; reload: () => void }
  | { state: 'ready'; data: T; reload: () => void; refreshing: boolean };

/**
 * Loads data for a screen; a change of `deps` loads again and drops the answer of the earlier
 * request. While reloading, the data stays on screen (`refreshing`).
 */
export const useResource = <T,>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Resource<T> => {
  const [state, setState] = useState<{ s: 'loading' } | { s: 'error'; error: unknown } | { s: 'ready'; data: T; refreshing: boolean }>({ s: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    setState((prev) => (prev.s === 'ready' && generation > 0 ? { ...prev, refreshing: true } : { s: 'loading' }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ s: 'ready', data, refreshing: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ s: 'error', error });
      },
    );
    return () => controller.abort();
    // The caller names what the load depends on; the function itself changes with every render.
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  if (state.s === 'loading') return { state: 'loading', reload };
  if (state.s === 'error') return { state: 'error', error: state.error, reload };
  return { state: 'ready', data: state.data, reload, refreshing: state.refreshing };
};

export const Loading = ({ label }: { label?: string }) => (
  <p class="loading" role="status">
    <span class="spinner" aria-hidden="true" />
    {label ?? t('common.loading')}
  </p>
);

/** What went wrong, in the user's language, from an API error or a failure to reach the server. */
export const describeError = (error: unknown): string => {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 0:
        return t('error.network');
      case 401:
        return t('error.unauthorized');
      case 403:
        return t('error.forbidden');
      case 404:
        return t('error.notFound');
      case 409:
        return t('error.conflict', { message: error.message });
      case 413:
        return t('error.tooLarge');
      case 502:
        return t('error.badGateway');
      case 503:
        return t('error.unavailable', { seconds: error.retryAfterSeconds ?? 5 });
      default:
        return error.status >= 500 ? t('error.server') : t('error.refused', { message: error.message });
    }
  }
  return t('error.unexpected');
};

export const ErrorNotice = ({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) => (
  <div class="notice notice-error" role="alert">
    <p class="notice-title">{title ?? t('error.title')}</p>
    <p>{describeError(error)}</p>
    {onRetry && (
      <button type="button" class="button button-secondary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    )}
  </div>
);

/** Renders the loading and error states of a resource, and `children(data)` when it is there. */
export const Async = <T,>({ resource, children, loadingLabel }: { resource: Resource<T>; children: (data: T) => ComponentChildren; loadingLabel?: string }) => {
  if (resource.state === 'loading') return <Loading {...(loadingLabel ? { label: loadingLabel } : {})} />;
  if (resource.state === 'error') return <ErrorNotice error={resource.error} onRetry={resource.reload} />;
  return <>{children(resource.data)}</>;
};
