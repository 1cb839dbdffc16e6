import { z } from 'zod';
import { isoDateTime } from './primitives';

export const VALIDATION_SOURCE = 'modellregionen.validation';
export const EVENT_REJECTED = 'EventRejected';

const fieldErrorSchema = z.strictObject({
  path: z.string().max(300),
  message: z.string().min(1).max(1000),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** Published with `Source` `modellregionen.validation` for every report that was quarantined. */
export const eventRejectedSchema = z.strictObject({
  schemaVersion: z.literal(1),
  originalEventId: z.string().min(1).max(200),
  /** The region named by the original `source`, or `unknown` when it names none. */
  regionId: z.string().min(1).max(100),
  detailType: z.string().max(256),
  source: z.string().max(256),
  receivedAt: isoDateTime,
  errors: z.array(fieldErrorSchema).min(1).max(100),
});
export type EventRejectedDetail = z.infer<typeof eventRejectedSchema>;
