// A small router over the History API: the path names the screen, the query its state (the
// Stichtag, a filter), so links can be shared and the back button works.
import { createStore, useStore } from './store';

export interface AppLocation {
  readonly path: string;
  readonly query: URLSearchParams;
  /** path + search, as it can be navigated to again. */
  readonly href: string;
}

const read = (): AppLocation => {
  const { pathname, search } = window.location;
  return { path: pathname, query: new URLSearchParams(search), href: pathname + search };
};

const locationStore = createStore<AppLocation>(typeof window === 'undefined' ? { path: '/', query: new URLSearchParams(), href: '/' } : read());
export const useLocation = (): AppLocation => useStore(locationStore);

// Whether the last change of location came from the app or the back button (then focus moves
// to the new screen) rather than from loading the page.
let navigatedInApp = false;
export const takeNavigatedInApp = (): boolean => {
  const was = navigatedInApp;
  navigatedInApp = false;
  return was;
};

export const navigate = (to: string, options: { replace?: boolean } = {}): void => {
  const target = new URL(to, window.location.href);
  if (target.pathname + target.search === locationStore.get().href && !options.replace) return;
  if (options.replace) window.history.replaceState(null, '', target.pathname + target.search + target.hash);
  else window.history.pushState(null, '', target.pathname + target.search + target.hash);
  navigatedInApp = true;
  locationStore.set(read());
};

/** Follows the browser's back and forward buttons, and takes over clicks on the app's own links. */
export const startRouter = (): void => {
  window.addEventListener('popstate', () => {
    navigatedInApp = true;
    locationStore.set(read());
  });
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.dataset.external !== undefined) return;
    const url = new URL(anchor.href, window.location.href);
    // The API's own documents (the Atom feed, the OpenAPI document) are not screens of the app.
    if (url.origin !== window.location.origin || url.pathname.startsWith('/v1/')) return;
    // A link within the page (#main) is the browser's to follow.
    if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
};

/** Matches `/regionen/:regionId/meilensteine/:milestoneId` against a path; the parameters, decoded, or undefined. */
export const matchPath = (pattern: string, path: string): Record<string, string> | undefined => {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return undefined;
      }
    } else if (w !== h) return undefined;
  }
  return params;
};

/** A path with the query parameters that have a value (empty ones are left out). */
export const withQuery = (path: string, query: Record<string, string | undefined>): string => {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
};
