import { type CallbackPolicy, publicHttpsOnly } from '@modellregionen/api';

/** The local runtime's webhook policy: what AWS allows, and http to this machine besides. */
export const localCallbacks: CallbackPolicy = (url) =>
  (url.protocol === 'http:' && /^(127\.0\.0\.1|localhost|\[::1\])$/.test(url.hostname)) || publicHttpsOnly(url);
