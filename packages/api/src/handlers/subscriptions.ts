import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type FieldOfAction, fieldError } from '@modellregionen/events';
import { newSecret, SIGNATURE_HEADER } from '@modellregionen/webhooks';
import type { ApiDeps } from '../context';
import { badRequest, notFound } from '../errors';
import type { Principal } from '../principal';
import type { newSubscriptionSchema, subscriptionRequestSchema, subscriptionsSchema } from '../schemas/subscriptions';

type Subscriber = Extract<Principal, { role: 'subscriber' }>;

export const subscribe = async (
  deps: ApiDeps,
  subscriber: Subscriber,
  request: z.output<typeof subscriptionRequestSchema>,
): Promise<z.input<typeof newSubscriptionSchema>> => {
  const url = new URL(request.callbackUrl);
  const allowed = deps.callbackPolicy(url);
  if (allowed !== true) {
    throw badRequest('the callback URL is not allowed', [fieldError('callbackUrl', 'callback_not_allowed', allowed.message, { rule: allowed.rule })]);
  }
  const subscription = {
    subscriptionId: randomUUID(),
    subscriber: subscriber.subject,
    municipality: subscriber.municipality,
    callbackUrl: url.href,
    fieldsOfAction: request.fieldsOfAction ?? [],
    secret: newSecret(),
    createdAt: deps.now().toISOString(),
  };
  await deps.subscriptions.putSubscription(subscription);
  return {
    ...subscription,
    signature: `Each delivery is a POST with the header ${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>. Keep the secret: it is shown only now.`,
  };
};

/** The caller's own subscriptions; the secrets are not shown again. */
export const subscriptionsOf = async (deps: ApiDeps, subscriber: Subscriber): Promise<z.input<typeof subscriptionsSchema>> => {
  const own = (await deps.subscriptions.listSubscriptions()).filter((s) => s.subscriber === subscriber.subject);
  return {
    subscriptions: own
      // Stored only as the request schema admitted them.
      .map(({ secret: _secret, ...rest }) => ({ ...rest, fieldsOfAction: rest.fieldsOfAction as readonly FieldOfAction[] }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
};

/** Ends one of the caller's subscriptions; another subscriber's is "not found", as if it were not there. */
export const unsubscribe = async (deps: ApiDeps, subscriber: Subscriber, subscriptionId: string): Promise<void> => {
  if (!(await deps.subscriptions.deleteSubscription(subscriptionId, subscriber.subject))) throw notFound(`no subscription ${subscriptionId} of yours`);
};
