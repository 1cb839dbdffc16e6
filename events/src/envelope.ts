import * as z from 'zod';
import { MINISTRY_ID } from './catalogue';
import { SLUG_PATTERN } from './primitives';
import type { DetailByType, DetailType } from './details';

export const REGION_SOURCE_PREFIX = 'modellregion.';

/** `Source` of a region's events: `modellregion.<regionId>`. */
export const regionSource = (regionId: string): string => (regionId === MINISTRY_ID ? MINISTRY_ID : `${REGION_SOURCE_PREFIX}${regionId}`);

/** The region a `Source` names, or undefined when it names none. */
export const regionOfSource = (source: string): string | undefined => {
  if (source === MINISTRY_ID) return MINISTRY_ID;
  if (!source.startsWith(REGION_SOURCE_PREFIX)) return undefined;
  const id = source.slice(REGION_SOURCE_PREFIX.length);
  // The ministry's id is reserved: `modellregion.ministerium` names no region and not the ministry.
  return id !== MINISTRY_ID && SLUG_PATTERN.test(id) ? id : undefined;
};

/**
 * An event as EventBridge delivers it to a target. Loose on purpose: AWS adds fields over time
 * (a replayed event carries `replay-name`), and the envelope is not the regions' to extend.
 */
export const eventBridgeEventSchema = z.looseObject({
  version: z.string().optional(),
  id: z.string().min(1, { message: 'must not be empty' }).max(200),
  'detail-type': z.string().max(128, { message: 'must be at most 128 characters' }),
  source: z.string().max(256, { message: 'must be at most 256 characters' }),
  account: z.string().optional(),
  time: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
  region: z.string().optional(),
  resources: z.array(z.string()).optional(),
  detail: z.unknown(),
});
export type EventBridgeEvent = z.infer<typeof eventBridgeEventSchema>;

/** One entry of a `PutEvents` call, as the AWS SDK sends it (`Detail` is a JSON string). */
export const putEventsEntrySchema = z.strictObject({
  Source: z.string({ message: 'is required' }),
  DetailType: z.string({ message: 'is required' }),
  Detail: z.string({ message: 'is required and must be a JSON string' }),
  EventBusName: z.string().optional(),
  Resources: z.array(z.string()).optional(),
  Time: z.union([z.string(), z.number()]).optional(),
  TraceHeader: z.string().optional(),
});

/** The largest `PutEvents` entry EventBridge accepts, and the most a call's entries may add up to. */
export const MAX_ENTRY_BYTES = 256 * 1024;

/**
 * The size of a `PutEvents` entry as EventBridge counts it against that limit: 14 bytes for a
 * `Time`, and the UTF-8 bytes of `Source`, `DetailType`, `Detail` and each of `Resources`.
 */
export const putEventsEntrySize = (entry: { Time?: unknown; Source?: unknown; DetailType?: unknown; Detail?: unknown; Resources?: unknown }): number => {
  const bytes = (v: unknown) => (typeof v === 'string' ? Buffer.byteLength(v) : 0);
  const resources = Array.isArray(entry.Resources) ? entry.Resources.reduce((n: number, r: unknown) => n + bytes(r), 0) : 0;
  return (entry.Time !== undefined ? 14 : 0) + bytes(entry.Source) + bytes(entry.DetailType) + bytes(entry.Detail) + resources;
};

/** A region event that passed validation: the typed detail plus what the envelope told us. */
export type RegionEvent = {
  [K in DetailType]: {
    readonly eventId: string;
    readonly source: string;
    readonly regionId: string;
    /** When EventBridge accepted the event (`time`); stable across redeliveries. */
    readonly receivedAt: string;
    readonly detailType: K;
    readonly detail: DetailByType[K];
  };
}[DetailType];
