import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fieldOfAction } from '@modellregionen/events';
import { newSecret, SIGNATURE_HEADER } from '@modellregionen/webhooks';
import { badRequest, notFound } from '../errors';
import type { RouteContext, RouteResult } from '../context';
import { readJsonBody } from '../middleware/json-body';

/** The body of `POST /v1/subscriptions`. */
export const subscriptionRequestSchema = z.strictObject({
  callbackUrl: z.url({ message: 'must be an absolute URL' }).max(2000, { message: 'must be at most 2000 characters' }),
  fieldsOfAction: z
    .array(fieldOfAction)
    .max(8)
    .refine((list) => new Set(list).size === list.length, { message: 'must not repeat a field of action' })
    .optional(),
});

/**
 * Where webhooks may point. On AWS only https to public hosts; the local runtime also allows
 * http to this machine, so that a subscriber can try it out.
 */
export type CallbackPolicy = (url: URL) => true | string;

const PRIVATE_HOST = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|0\.|\[?::1\]?$|\[?f[cd][0-9a-f]{2}:|\[?fe80:)/i;

export const publicHttpsOnly: CallbackPolicy = (url) => {
  if (url.protocol !== 'https:') return 'must use https';
  if (PRIVATE_HOST.test(url.hostname)) return 'must name a public host';
  if (url.username || url.password) return 'must not carry credentials';
  return true;
};

export const localCallbacks: CallbackPolicy = (url) =>
  (url.protocol === 'http:' && /^(127\.0\.0\.1|localhost|\[::1\])$/.test(url.hostname)) || publicHttpsOnly(url);

export const postSubscription = async ({ deps, principal, event }: RouteContext): Promise<RouteResult> => {
  const parsed = subscriptionRequestSchema.safeParse(readJsonBody(event), { reportInput: true });
  if (!parsed.success) {
    throw badRequest(
      'the subscription is not valid',
      parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(',') : ''),
        message: i.code === 'unrecognized_keys' ? 'is not a known field' : i.message,
      })),
    );
  }
  const url = new URL(parsed.data.callbackUrl);
  const allowed = deps.callbackPolicy(url);
  if (allowed !== true) throw badRequest('the callback URL is not allowed', [{ path: 'callbackUrl', message: allowed }]);
  if (principal?.role !== 'subscriber') throw new Error('unreachable: the route admits subscribers only');
  const subscription = {
    subscriptionId: randomUUID(),
    subscriber: principal.subject,
    municipality: principal.municipality,
    callbackUrl: url.href,
    fieldsOfAction: parsed.data.fieldsOfAction ?? [],
    secret: newSecret(),
    createdAt: deps.now().toISOString(),
  };
  await deps.subscriptions.putSubscription(subscription);
  return {
    status: 201,
    body: {
      ...subscription,
      signature: `Each delivery is a POST with the header ${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>. Keep the secret: it is shown only now.`,
    },
  };
};

/** The caller's own subscriptions; the secrets are not shown again. */
export const getSubscriptions = async ({ deps, principal }: RouteContext): Promise<RouteResult> => {
  const own = (await deps.subscriptions.listSubscriptions()).filter((s) => s.subscriber === principal?.subject);
  return {
    status: 200,
    body: { subscriptions: own.map(({ secret: _secret, ...rest }) => rest).sort((a, b) => a.createdAt.localeCompare(b.createdAt)) },
  };
};

/** Ends one of the caller's subscriptions; another subscriber's is "not found", as if it were not there. */
export const deleteSubscription = async ({ deps, principal, params }: RouteContext): Promise<RouteResult> => {
  const deleted = await deps.subscriptions.deleteSubscription(params.subscriptionId!, principal?.subject ?? '');
  if (!deleted) throw notFound(`no subscription ${params.subscriptionId} of yours`);
  return { status: 204, body: '' };
};
