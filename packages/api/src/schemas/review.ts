import * as z from 'zod';
import { DETAIL_TYPES } from '@modellregionen/events';
import { REVIEW_IDS } from '../reviews';
import { date, dateTime, revisionNumber } from './common';
import { competenceCircleSchema } from './competence-circle';
import { reviewIndicatorProgressSchema } from './indicators';

/** What a review holds, computed now (open) or as it was frozen (closed). */
export const reviewContentSchema = z.strictObject({
  reviewId: z.enum(REVIEW_IDS),
  title: z.string(),
  cutoff: date,
  competenceCircle: competenceCircleSchema,
  indicators: z.array(z.strictObject({ regionId: z.string(), progress: z.array(reviewIndicatorProgressSchema) })),
});

const lateAmendmentSchema = z.strictObject({
  eventId: z.string(),
  regionId: z.string(),
  detailType: z.enum(DETAIL_TYPES),
  item: z.string().meta({ description: 'The item the report is about, e.g. `milestone#leitbild`.' }),
  revision: revisionNumber,
  reportedAt: dateTime,
  receivedAt: dateTime,
  acceptedAt: dateTime,
});

export const reviewSchema = z
  .discriminatedUnion('status', [
    reviewContentSchema.extend({
      status: z.literal('open'),
      lateAmendments: z.array(lateAmendmentSchema).max(0).meta({ description: 'None while the review is open.' }),
    }),
    reviewContentSchema.extend({
      status: z.literal('closed'),
      closedAt: dateTime,
      closedBy: z.string(),
      lateAmendments: z.array(lateAmendmentSchema).meta({
        description:
          'Reports made by the cutoff that the closed review does not reflect: they reached the backend after it was closed. In the order the bus accepted them.',
      }),
    }),
  ])
  .meta({ id: 'Review', description: 'The competence-circle view as known at the cutoff, with indicator change since baseline.' });
