import { randomUUID } from 'node:crypto';
import { type EventBridgeEvent, MAX_ENTRY_BYTES, putEventsEntrySize } from '@modellregionen/events';
import { AwsError } from './aws-json';
import { jsonNestingDepth, MAX_JSON_DEPTH } from './json-depth';

const MAX_ENTRIES = 10;

export interface PutEventsResultEntry {
  EventId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

interface RawEntry {
  Source?: unknown;
  DetailType?: unknown;
  Detail?: unknown;
  Resources?: unknown;
  Time?: unknown;
  EventBusName?: unknown;
}

/** `name` or `arn:aws:events:<region>:<account>:event-bus/<name>` -> name; absent -> `default`. */
const busNameOf = (value: unknown): string => {
  if (typeof value !== 'string' || value === '') return 'default';
  const arn = /^arn:aws[\w-]*:events:[^:]*:[^:]*:event-bus\/(.+)$/.exec(value);
  return arn?.[1] ?? value;
};

/**
 * Checks the request as a whole (AWS answers these with a ValidationException for the call); the
 * JSON types of the entries' members were checked before (request-shapes.ts).
 */
export const entriesOf = (body: Record<string, unknown>): RawEntry[] => {
  const entries = body.Entries;
  if (!Array.isArray(entries)) {
    throw new AwsError('ValidationException', "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null");
  }
  if (entries.length < 1 || entries.length > MAX_ENTRIES) {
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length ${entries.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_ENTRIES}`}`,
    );
  }
  const total = (entries as RawEntry[]).reduce((n, e) => n + putEventsEntrySize(e), 0);
  if (total > MAX_ENTRY_BYTES) {
    throw new AwsError('ValidationException', 'Total size of the entries in the request is over the limit.');
  }
  return entries as RawEntry[];
};

const timeOf = (value: unknown, now: Date): string | undefined => {
  // The SDK sends a Date as epoch seconds; the CLI may send a string.
  const date = value === undefined ? now : typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) return undefined;
  return `${date.toISOString().slice(0, 19)}Z`;
};

const invalid = (parameter: string, reason: string): PutEventsResultEntry => ({
  ErrorCode: 'InvalidArgument',
  ErrorMessage: `Parameter ${parameter} is not valid. Reason: ${reason}`,
});

const malformed = (reason: string): PutEventsResultEntry => ({ ErrorCode: 'MalformedDetail', ErrorMessage: `Detail is malformed: ${reason}.` });

/** Turns one entry into the event the bus delivers, or the per-entry error AWS would give. */
export const toEvent = (
  entry: RawEntry,
  context: { account: string; region: string; now: Date; knownBus: (name: string) => boolean },
): { event: EventBridgeEvent; bus: string } | { error: PutEventsResultEntry } => {
  const bus = busNameOf(entry.EventBusName);
  if (!context.knownBus(bus)) {
    return { error: { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${bus} does not exist.` } };
  }
  if (typeof entry.Source !== 'string' || entry.Source === '') return { error: invalid('Source', 'Source is a required argument.') };
  if (typeof entry.DetailType !== 'string' || entry.DetailType === '') {
    return { error: invalid('DetailType', 'DetailType is a required argument.') };
  }
  if (typeof entry.Detail !== 'string' || entry.Detail === '') return { error: invalid('Detail', 'Detail is a required argument.') };
  // Measured on the text, before parsing: a detail too deep for the bus is never built or walked.
  const depth = jsonNestingDepth(entry.Detail);
  if (depth > MAX_JSON_DEPTH) return { error: malformed(`it nests ${depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted`) };
  let detail: unknown;
  try {
    detail = JSON.parse(entry.Detail);
  } catch {
    return { error: malformed('it is not valid JSON') };
  }
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return { error: malformed('it is not a JSON object') };
  const time = timeOf(entry.Time, context.now);
  if (time === undefined) return { error: invalid('Time', 'Time is not a valid timestamp.') };
  const resources = Array.isArray(entry.Resources) ? entry.Resources.filter((r): r is string => typeof r === 'string') : [];
  return {
    bus,
    event: {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType,
      source: entry.Source,
      account: context.account,
      time,
      region: context.region,
      resources,
      detail,
    },
  };
};
