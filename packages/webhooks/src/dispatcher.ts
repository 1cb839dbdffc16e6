import { type FindingDetail, type Validator, validator as defaultValidator } from '@modellregionen/events';
import { type InboundMessage, silentLogger, type StructuredLogger } from '@modellregionen/lambda-kit';
import type { Subscription, SubscriptionStore } from '@modellregionen/store';
import { DELIVERY_HEADER, SIGNATURE_HEADER, sign } from './signature';

export interface DispatcherOptions {
  readonly store: SubscriptionStore;
  readonly validator?: Validator;
  /** HTTP client (tests may pass one that records); the platform's fetch by default. */
  readonly fetch?: typeof fetch;
  /** How long one delivery may take. */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
  readonly logger?: StructuredLogger;
}

/** What a subscriber receives: the finding, as JSON. */
export interface FindingDelivery {
  readonly type: 'FindingPublished';
  readonly eventId: string;
  readonly regionId: string;
  readonly finding: Omit<FindingDetail, 'schemaVersion'>;
}

interface DispatchOutcome {
  /** Ids of messages with a delivery that failed: they must be delivered again. */
  readonly failed: string[];
  /** Deliveries a subscriber accepted (2xx) in this batch. */
  readonly delivered: number;
  /** Deliveries that failed in this batch (network, timeout, non-2xx); each is tried again with its message. */
  readonly deliveriesFailed: number;
}

const wants = (s: Subscription, finding: FindingDetail) => s.fieldsOfAction.length === 0 || s.fieldsOfAction.includes(finding.fieldOfAction);

/**
 * Delivers each valid finding to every subscription that wants it, as a signed POST. A delivery
 * that fails (network, timeout, non-2xx) fails the message, so the queue retries it with backoff
 * and finally parks it in the dead-letter queue; deliveries that succeeded are recorded and not
 * repeated on the retry. Invalid findings are never delivered (aggregation quarantines them).
 */
export const createWebhookDispatcher = (options: DispatcherOptions) => {
  const validator = options.validator ?? defaultValidator;
  const httpFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? silentLogger;

  /** Delivers a finding to one subscriber; false when it was delivered before. */
  const deliver = async (subscription: Subscription, delivery: FindingDelivery): Promise<boolean> => {
    if (await options.store.wasDelivered(delivery.eventId, subscription.subscriptionId)) return false;
    const body = JSON.stringify(delivery);
    const response = await httpFetch(subscription.callbackUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Modellregionen-Integration-Webhooks/1',
        [SIGNATURE_HEADER]: sign(subscription.secret, body, Math.floor(now().getTime() / 1000)),
        [DELIVERY_HEADER]: `${delivery.eventId}/${subscription.subscriptionId}`,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The body is not read beyond what frees the connection.
    await response.body?.cancel();
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`${subscription.callbackUrl} answered ${response.status}`);
    }
    await options.store.recordDelivery({
      eventId: delivery.eventId,
      subscriptionId: subscription.subscriptionId,
      status: response.status,
      deliveredAt: now().toISOString(),
    });
    return true;
  };

  return {
    async processMessages(messages: readonly InboundMessage[]): Promise<DispatchOutcome> {
      const subscriptions = await options.store.listSubscriptions();
      const failed: string[] = [];
      let delivered = 0;
      let deliveriesFailed = 0;
      await Promise.all(
        messages.map(async (message) => {
          let raw: unknown;
          try {
            raw = JSON.parse(message.body);
          } catch {
            return; // Not an event: the aggregation quarantines it; nothing to deliver.
          }
          const result = validator.validateEvent(raw);
          if (!result.ok || result.value.detailType !== 'FindingPublished') return;
          const { schemaVersion: _v, ...finding } = result.value.detail;
          const delivery: FindingDelivery = { type: 'FindingPublished', eventId: result.value.eventId, regionId: result.value.regionId, finding };
          const outcomes = await Promise.allSettled(
            subscriptions.filter((s) => wants(s, result.value.detail as FindingDetail)).map((s) => deliver(s, delivery)),
          );
          const errors = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
          delivered += outcomes.filter((o) => o.status === 'fulfilled' && o.value).length;
          deliveriesFailed += errors.length;
          if (errors.length > 0) {
            logger.warn('webhook deliveries failed; the message will be retried', { eventId: delivery.eventId, errors });
            failed.push(message.id);
          }
        }),
      );
      return { failed, delivered, deliveriesFailed };
    },
  };
};
