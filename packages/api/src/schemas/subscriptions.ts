import * as z from 'zod';
import { fieldOfAction, rule } from '@modellregionen/events';
import { dateTime } from './common';

/** The body of `POST /v1/subscriptions`. */
export const subscriptionRequestSchema = z
  .strictObject({
    callbackUrl: z.url({ message: 'must be an absolute URL' }).max(2000, { message: 'must be at most 2000 characters' }),
    fieldsOfAction: z
      .array(fieldOfAction)
      .max(8)
      .refine((list) => new Set(list).size === list.length, rule('not_unique', 'must not repeat a field of action'))
      .optional(),
  })
  .meta({ id: 'SubscriptionRequest' });

const subscriptionFields = {
  subscriptionId: z.string(),
  subscriber: z.string().meta({ description: 'The subject of the token that subscribed.' }),
  municipality: z.string(),
  callbackUrl: z.url(),
  fieldsOfAction: z.array(fieldOfAction).readonly().meta({ description: 'Only findings in these fields of action; all when empty.' }),
  createdAt: dateTime,
};

export const newSubscriptionSchema = z
  .strictObject({
    ...subscriptionFields,
    secret: z.string().meta({ description: 'The HMAC-SHA256 key of the signatures; shown only in this response.' }),
    signature: z.string().meta({ description: 'How deliveries are signed.' }),
  })
  .meta({ id: 'NewSubscription', description: 'A subscription as created, with its signing secret.' });

export const subscriptionsSchema = z
  .strictObject({
    subscriptions: z.array(z.strictObject(subscriptionFields).meta({ id: 'Subscription' })).meta({ description: 'Oldest first; without their secrets.' }),
  })
  .meta({ id: 'Subscriptions' });
