import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';
import { type Fetcher, SimpleFetcher } from 'aws-jwt-verify/https';

/** How long fetching a key set may take before the token it was fetched for is refused. */
const JWKS_FETCH_TIMEOUT_MS = 3_000;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why a key set URL cannot be fetched, or undefined when it can. */
export const unfetchableJwksUri = (uri: string): string | undefined => {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `${uri} is not a URL`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return `${uri}: keys are fetched over https, or over http from this machine only`;
};

/**
 * aws-jwt-verify's fetcher for its JWKS cache, which speaks https only. The local issuer serves
 * its keys over http on the loopback interface; this fetcher reads those too, and leaves every
 * https URL to the library's own fetcher. Plugged in as the cache's `fetcher`, it keeps the
 * library's refetch on an unknown `kid` and its penalty box against floods of unknown kids.
 */
export class JwksFetcher implements Fetcher {
  private readonly https = new SimpleFetcher({ defaultRequestOptions: { responseTimeout: JWKS_FETCH_TIMEOUT_MS } });

  async fetch(uri: string, requestOptions?: Record<string, unknown>, data?: ArrayBuffer): Promise<ArrayBuffer> {
    const refused = unfetchableJwksUri(uri);
    if (refused !== undefined) throw new NonRetryableFetchError(uri, refused);
    if (uri.startsWith('https:')) return this.https.fetch(uri, requestOptions, data);
    let response: Response;
    try {
      response = await fetch(uri, { redirect: 'error', signal: AbortSignal.timeout(JWKS_FETCH_TIMEOUT_MS) });
    } catch (err) {
      throw new FetchError(uri, err instanceof Error ? err.message : String(err));
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new NonRetryableFetchError(uri, `Status code is ${response.status}, expected 200`);
    }
    return response.arrayBuffer();
  }
}
