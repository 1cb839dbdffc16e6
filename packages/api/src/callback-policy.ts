/**
 * Where webhooks may point. On AWS only https to public hosts; the local runtime allows more
 * (its own policy), so that a subscriber can try it out on this machine.
 */
export type CallbackPolicy = (url: URL) => true | CallbackRefusal;

/** Why a callback URL is refused: the rule it breaks (a field error's parameter) and in English. */
interface CallbackRefusal {
  readonly rule: 'https' | 'public_host' | 'no_credentials';
  readonly message: string;
}

const PRIVATE_HOST = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|0\.|\[?::1\]?$|\[?f[cd][0-9a-f]{2}:|\[?fe80:)/i;

export const publicHttpsOnly: CallbackPolicy = (url) => {
  if (url.protocol !== 'https:') return { rule: 'https', message: 'must use https' };
  if (PRIVATE_HOST.test(url.hostname)) return { rule: 'public_host', message: 'must name a public host' };
  if (url.username || url.password) return { rule: 'no_credentials', message: 'must not carry credentials' };
  return true;
};
