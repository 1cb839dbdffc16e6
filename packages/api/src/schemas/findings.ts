import * as z from 'zod';
import { fieldOfAction, MINISTRY_ID } from '@modellregionen/events';
import { dateTime, revisionNumber } from './common';

const findingSchema = z
  .strictObject({
    regionId: z.string().meta({ description: `A region id, or \`${MINISTRY_ID}\`.` }),
    regionName: z.string(),
    findingId: z.string(),
    title: z.string(),
    summary: z.string(),
    fieldOfAction,
    fieldOfActionTitle: z.string(),
    tags: z.array(z.string()),
    relatedProjectIds: z.array(z.string()),
    revision: revisionNumber,
    reportedAt: dateTime,
    reportedBy: z.string(),
  })
  .meta({ id: 'Finding' });
export type Finding = z.infer<typeof findingSchema>;

export const findingsSchema = z.strictObject({ findings: z.array(findingSchema).meta({ description: 'Newest first.' }) }).meta({ id: 'Findings' });
