import * as z from 'zod';
import { FIELD_ERROR_CODES } from './field-error-codes';
import { isoDateTime } from './primitives';

export const VALIDATION_SOURCE = 'modellregionen.validation';
export const EVENT_REJECTED = 'EventRejected';

const CODE_DESCRIPTION = 'What is wrong, as a stable code a client can say in its own language (codes are only ever added).';

const fieldErrorParam = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

const fieldErrorFields = {
  path: z.string().max(300).meta({ description: 'Dotted path relative to the detail, e.g. `achievedDate` or `funding.0.amountEur`.' }),
  message: z.string().min(1).max(1000).meta({ description: 'What is wrong, in English, for a person to read.' }),
  code: z.enum(FIELD_ERROR_CODES).meta({ description: CODE_DESCRIPTION }),
  params: z
    .record(z.string(), fieldErrorParam)
    .optional()
    .meta({ description: 'The values the code speaks of, e.g. `{ "min": 0, "max": 100, "unit": "percent", "value": 140.5 }` for `out_of_range`.' }),
};

/** A field error as everything here words it: path, English message, code and its parameters. */
export const codedFieldErrorSchema = z.strictObject(fieldErrorFields);

/**
 * A field error as quarantine records and `EventRejected` events hold it: with a code, except in
 * records written before field errors had codes and for a queue message that is no JSON at all
 * (the aggregation words that one itself).
 */
export const fieldErrorSchema = z.strictObject({
  ...fieldErrorFields,
  code: z
    .enum(FIELD_ERROR_CODES)
    .optional()
    .meta({ description: `${CODE_DESCRIPTION} Absent in records made before codes were given.` }),
});

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
