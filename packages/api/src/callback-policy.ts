/**
 * Where webhooks may point. On AWS only https to public hosts; the local runtime allows more
 * (its own policy), so that a subscriber can try it out on this machine.
 */
export type CallbackPolicy = (url: URL) => true | string;

const PRIVATE_HOST = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|0\.|\[?::1\]?$|\[?f[cd][0-9a-f]{2}:|\[?fe80:)/i;

export const publicHttpsOnly: CallbackPolicy = (url) => {
  if (url.protocol !== 'https:') return 'must use https';
  if (PRIVATE_HOST.test(url.hostname)) return 'must name a public host';
  if (url.username || url.password) return 'must not carry credentials';
  return true;
};
