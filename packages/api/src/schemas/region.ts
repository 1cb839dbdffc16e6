import * as z from 'zod';
import { fieldOfAction, FUNDING_SOURCES, MILESTONE_STATUSES, MINISTRY_ID, PROJECT_STATUSES, REGION_ROLES, regionSchema } from '@modellregionen/events';
import { date, dateTime, recordedFieldError, reportedFields, revisionNumber } from './common';
import { indicatorProgressSchema } from './indicators';

/** A current report shows its detail without `schemaVersion` and `regionId`. */
const reported = reportedFields;

const milestoneSchema = z.strictObject({
  milestoneId: z.string(),
  title: z.string(),
  status: z.enum(MILESTONE_STATUSES),
  dueDate: date,
  achievedDate: date.optional(),
  fieldOfAction: fieldOfAction.optional(),
  note: z.string().optional(),
  ...reported,
  overdue: z.boolean().meta({ description: 'Neither achieved nor cancelled, and due before today (Berlin).' }),
});

const projectSchema = z.strictObject({
  projectId: z.string(),
  title: z.string(),
  fieldOfAction,
  status: z.enum(PROJECT_STATUSES),
  startDate: date,
  endDate: date.optional(),
  funding: z.array(z.strictObject({ programme: z.string(), source: z.enum(FUNDING_SOURCES), amountEur: z.number().min(0) })),
  partners: z.array(z.string()).optional(),
  lighthouse: z.boolean().optional(),
  summary: z.string().optional(),
  ...reported,
  fundingEur: z.number().min(0).meta({ description: 'Sum of the funding entries.' }),
});

const regionFindingSchema = z.strictObject({
  findingId: z.string(),
  title: z.string(),
  summary: z.string(),
  fieldOfAction,
  relatedProjectIds: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  ...reported,
});

export const regionDetailSchema = z
  .strictObject({
    regionId: z.string(),
    name: z.string(),
    kind: z.enum([...regionSchema.shape.kind.options, 'ministry']).meta({ description: `A region kind, or \`ministry\` for \`${MINISTRY_ID}\`.` }),
    role: z.enum([...REGION_ROLES, 'ministry']).meta({ description: `A region role, or \`ministry\` for \`${MINISTRY_ID}\`.` }),
    lastReportedAt: dateTime.nullable(),
    milestones: z.array(milestoneSchema).meta({ description: 'By due date.' }),
    projects: z.array(projectSchema),
    indicators: z.array(indicatorProgressSchema),
    findings: z.array(regionFindingSchema),
  })
  .meta({ id: 'RegionDetail', description: "The region's current milestones, projects, indicator values and findings." });

export const itemRevisionsSchema = z
  .strictObject({
    regionId: z.string(),
    item: z.string().meta({ description: 'The item key asked for, e.g. `milestone#leitbild`.' }),
    revisions: z
      .array(
        z.strictObject({
          eventId: z.string(),
          revision: revisionNumber,
          reportedAt: dateTime,
          reportedBy: z.string(),
          acceptedAt: dateTime.meta({ description: 'When the event bus accepted the report.' }),
          outcome: z.enum(['applied', 'superseded-on-arrival']).meta({
            description: '`applied`: the report became the current state on arrival; `superseded-on-arrival`: a later revision was current already.',
          }),
          detail: z
            .record(z.string(), z.unknown())
            .meta({ description: 'The report as it was made: the detail of its detail-type, with `regionId` and `reportedBy`.' }),
        }),
      )
      .meta({ description: 'Newest revision first (equal revisions: the one that wins first); empty for an item never reported.' }),
  })
  .meta({ id: 'ItemRevisions', description: 'Every report of one item of the region, from the audit records: who reported what, and when.' });

export const rejectionsSchema = z
  .strictObject({
    rejections: z
      .array(
        z.strictObject({
          eventId: z.string(),
          detailType: z.string().meta({ description: 'As the rejected event named it, known or not.' }),
          receivedAt: dateTime,
          errors: z.array(recordedFieldError),
        }),
      )
      .meta({ description: 'Newest first.' }),
  })
  .meta({ id: 'Rejections', description: "The region's quarantined reports with their reasons." });
