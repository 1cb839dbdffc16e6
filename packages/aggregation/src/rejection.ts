import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import {
  type EventRejectedDetail,
  EVENT_REJECTED,
  type FieldError,
  MINISTRY_ID,
  regionOfSource,
  type Validator,
  VALIDATION_SOURCE,
} from '@modellregionen/events';
import { type Rejection, UNATTRIBUTED_REGION } from '@modellregionen/store';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** A quarantine record from what is known of an event that failed validation. */
export const rejectionOf = (input: {
  raw: unknown;
  body: string;
  messageId: string;
  fallbackReceivedAt: string;
  errors: FieldError[];
  validator: Validator;
}): Rejection => {
  const envelope = (typeof input.raw === 'object' && input.raw !== null ? input.raw : {}) as Record<string, unknown>;
  const source = str(envelope.source) ?? '';
  const claimed = regionOfSource(source);
  const isKnown = (id: string | undefined): id is string => id === MINISTRY_ID || input.validator.catalogue.regions.some((r) => r.id === id);
  const sent = new Date(str(envelope.time) ?? Number.NaN);
  return {
    regionId: isKnown(claimed) ? claimed : UNATTRIBUTED_REGION,
    eventId: str(envelope.id)?.slice(0, 200) ?? input.messageId,
    source: source.slice(0, 256),
    detailType: (str(envelope['detail-type']) ?? '').slice(0, 256),
    receivedAt: Number.isNaN(sent.getTime()) ? input.fallbackReceivedAt : sent.toISOString(),
    errors: input.errors.slice(0, 100),
    body: input.body,
  };
};

export const eventRejectedEntry = (r: Rejection): PutEventsRequestEntry => {
  const detail: EventRejectedDetail = {
    schemaVersion: 1,
    originalEventId: r.eventId,
    regionId: r.regionId,
    detailType: r.detailType,
    source: r.source,
    receivedAt: r.receivedAt,
    errors: r.errors,
  };
  return { Source: VALIDATION_SOURCE, DetailType: EVENT_REJECTED, Detail: JSON.stringify(detail) };
};
