import { type Catalogue, defaultCatalogue, isReportingRegion, MINISTRY_ID } from './catalogue';
import { buildDetailSchemas, DETAIL_TYPES, type DetailType } from './details';
import { eventBridgeEventSchema, MAX_ENTRY_BYTES, putEventsEntrySize, putEventsEntrySchema, type RegionEvent, regionOfSource } from './envelope';
import { type CodedFieldError, fieldError } from './field-error-codes';
import { fieldErrorsOf } from './field-errors';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: CodedFieldError[] };

/** PutEvents entry field -> the name the delivered envelope uses, so errors read the same. */
const ENTRY_PATHS: Record<string, string> = { Source: 'source', DetailType: 'detail-type', Detail: 'detail' };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Validator {
  readonly catalogue: Catalogue;
  /** Validates an event as EventBridge delivers it to a target. */
  validateEvent(raw: unknown): Validation<RegionEvent>;
  /** Validates one `PutEvents` entry as a region would send it (the coordinators' preflight). */
  validatePutEventsEntry(raw: unknown, receivedAt?: string): Validation<RegionEvent>;
}

export const createValidator = (catalogue: Catalogue = defaultCatalogue): Validator => {
  const schemas = buildDetailSchemas(catalogue);
  const regions = new Map(catalogue.regions.map((r) => [r.id, r]));

  const checkSource = (source: string, detailType: string): { regionId?: string; errors: CodedFieldError[] } => {
    const regionId = regionOfSource(source);
    if (regionId === undefined) {
      return { errors: [fieldError('source', 'invalid_source', `must be modellregion.<regionId> or ${MINISTRY_ID}, got "${source}"`, { source })] };
    }
    if (regionId === MINISTRY_ID) {
      return detailType === 'FindingPublished' || !(DETAIL_TYPES as readonly string[]).includes(detailType)
        ? { regionId, errors: [] }
        : {
            regionId,
            errors: [fieldError('detail-type', 'ministry_findings_only', `the ministry publishes only FindingPublished, not ${detailType}`, { detailType })],
          };
    }
    const region = regions.get(regionId);
    if (region === undefined) {
      return { regionId, errors: [fieldError('source', 'unknown_region', `names no region of the registry: "${regionId}"`, { regionId })] };
    }
    if (!isReportingRegion(region)) {
      return {
        regionId,
        errors: [fieldError('source', 'region_not_reporting', `region "${regionId}" is a ${region.role} and does not report`, { regionId, role: region.role })],
      };
    }
    return { regionId, errors: [] };
  };

  const validateParts = (parts: { eventId: string; source: string; detailType: string; receivedAt: string; detail: unknown }): Validation<RegionEvent> => {
    const errors: CodedFieldError[] = [];
    const { regionId, errors: sourceErrors } = checkSource(parts.source, parts.detailType);
    errors.push(...sourceErrors);
    const known = (DETAIL_TYPES as readonly string[]).includes(parts.detailType);
    if (!known) {
      errors.push(
        fieldError('detail-type', 'not_one_of', `must be one of ${DETAIL_TYPES.join(', ')}, got "${parts.detailType}"`, { options: [...DETAIL_TYPES] }),
      );
    }
    if (!isPlainObject(parts.detail)) {
      errors.push(fieldError('detail', 'not_an_object', 'must be a JSON object'));
      return { ok: false, errors };
    }
    if (regionId !== undefined && 'regionId' in parts.detail && parts.detail.regionId !== regionId) {
      errors.push(fieldError('regionId', 'region_mismatch', `must equal the region of the source ("${regionId}")`, { regionId }));
    }
    if (!known) return { ok: false, errors };
    const detailType = parts.detailType as DetailType;
    const parsed = schemas[detailType].safeParse(parts.detail, { reportInput: true });
    if (!parsed.success) errors.push(...fieldErrorsOf(parsed.error.issues));
    if (errors.length > 0 || !parsed.success) return { ok: false, errors };
    return {
      ok: true,
      value: {
        eventId: parts.eventId,
        source: parts.source,
        // A source that names no region has added an error above.
        regionId: regionId!,
        receivedAt: parts.receivedAt,
        detailType,
        detail: parsed.data,
      } as RegionEvent,
    };
  };

  return {
    catalogue,
    validateEvent(raw) {
      if (!isPlainObject(raw)) return { ok: false, errors: [fieldError('event', 'not_an_object', 'must be an EventBridge event object')] };
      const envelope = eventBridgeEventSchema.safeParse(raw, { reportInput: true });
      if (!envelope.success) return { ok: false, errors: fieldErrorsOf(envelope.error.issues) };
      const e = envelope.data;
      return validateParts({
        eventId: e.id,
        source: e.source,
        detailType: e['detail-type'],
        receivedAt: e.time ?? new Date().toISOString(),
        detail: e.detail,
      });
    },
    validatePutEventsEntry(raw, receivedAt = new Date().toISOString()) {
      if (!isPlainObject(raw)) return { ok: false, errors: [fieldError('entry', 'not_an_object', 'must be a PutEvents entry object')] };
      const entry = putEventsEntrySchema.safeParse(raw, { reportInput: true });
      if (!entry.success) {
        return { ok: false, errors: fieldErrorsOf(entry.error.issues, (p) => ENTRY_PATHS[p] ?? p) };
      }
      const { Source, DetailType, Detail } = entry.data;
      const size = putEventsEntrySize(entry.data);
      if (size > MAX_ENTRY_BYTES) {
        return {
          ok: false,
          errors: [
            fieldError('detail', 'entry_too_large', `entry is ${size} bytes; EventBridge accepts at most ${MAX_ENTRY_BYTES}`, { size, max: MAX_ENTRY_BYTES }),
          ],
        };
      }
      let detail: unknown;
      try {
        detail = JSON.parse(Detail);
      } catch (err) {
        return { ok: false, errors: [fieldError('detail', 'invalid_json', `is not valid JSON (${(err as Error).message})`)] };
      }
      return validateParts({ eventId: 'preflight', source: Source, detailType: DetailType, receivedAt, detail });
    },
  };
};

/** The validator for the shipped catalogue. */
export const validator: Validator = createValidator();
