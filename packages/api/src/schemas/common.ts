import { z } from 'zod';
import { isoDate } from '@modellregionen/events';
import { ERROR_CODES } from '../errors';

export const count = z.int().min(0);
export const revisionNumber = z.int().min(1);
export const date = isoDate.meta({ format: 'date' });
export const dateTime = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date-time with an offset.' });

export const fieldErrorSchema = z
  .strictObject({
    path: z.string().meta({ description: 'Dotted path relative to the detail, e.g. `achievedDate` or `funding.0.amountEur`.' }),
    message: z.string(),
  })
  .meta({ id: 'FieldError', description: 'One offending field.' });

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODES),
      message: z.string().meta({ description: 'What went wrong, for a person to read.' }),
      details: z.array(fieldErrorSchema).optional().meta({ description: 'The offending fields (with `validation_failed`).' }),
    }),
  })
  .meta({ id: 'Error', description: 'Every error of the API: `{ "error": { code, message, details? } }`.' });
