import * as z from 'zod';
import { codedFieldErrorSchema, fieldErrorSchema as recordedFieldErrorSchema, isoDate } from '@modellregionen/events';
import { ERROR_CODES } from '../errors';

export const count = z.int().min(0);
export const revisionNumber = z.int().min(1);
export const date = isoDate.meta({ format: 'date' });
export const dateTime = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date-time with an offset.' });

/** What every current report shows besides its own fields: which report it is, when and by whom. */
export const reportedFields = { revision: revisionNumber, reportedAt: dateTime, reportedBy: z.string() };

const fieldErrorSchema = codedFieldErrorSchema.meta({
  id: 'FieldError',
  description:
    'One offending field: its path, what is wrong in English, and the same as a stable `code` with its `params` for a client to say in its own language.',
});

/** A field error of a quarantine record, which may have been recorded before field errors had codes. */
export const recordedFieldError = recordedFieldErrorSchema.meta({
  id: 'RecordedFieldError',
  description: 'One offending field of a quarantined report, as `FieldError`; records made before codes were given have none.',
});

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODES),
      message: z.string().meta({ description: 'What went wrong, for a person to read.' }),
      details: z.array(fieldErrorSchema).optional().meta({ description: 'The offending fields (with `validation_failed`).' }),
    }),
  })
  .meta({ id: 'Error', description: 'Every error of the API: `{ "error": { code, message, details? } }`.' });
