import type { RegionEvent } from '@modellregionen/events';
import { ConcurrentTimelineWrite } from './errors';
import { CURRENT_PREFIX, itemRevisionPrefix, REJECTION_PREFIX, regionPk, REVISION_PREFIX, TIMELINE_PREFIX, timelineSk } from './keys';
import type { ReportStore, StoredPoint } from './ports';
import {
  currentItem,
  currentKey,
  decodeCurrent,
  decodeFrozenReview,
  decodeItemRevision,
  decodePoint,
  decodeRejection,
  decodeReport,
  decodeRevision,
  decodeTimelineState,
  frozenReviewItem,
  frozenReviewKey,
  isMonthBase,
  type Item,
  type ItemKey,
  type KeyedItem,
  rejectionItem,
  rejectionKey,
  revisionItem,
  revisionKey,
  timelineItem,
  timelineKey,
  timelinePointKey,
  timelineStateItem,
  timelineStateKey,
} from './report-items';

interface InMemoryReportStoreOptions {
  /** Wall clock for `recordedAt` stamps. */
  readonly now?: () => Date;
}

/** DynamoDB orders sort keys by their UTF-8 bytes, which is not JavaScript's order of UTF-16 code units. */
// Stryker disable next-line StringLiteral: Buffer.from reads a string as UTF-8 when given no encoding (an empty one)
const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * The report store in memory, for unit tests of what is built on it. It keeps the same items as
 * the DynamoDB store and honours the same conditions (puts that keep the first item, the current
 * state's version check, the time index's guarded writes), each call atomic as a single DynamoDB
 * request is. Items are copied in and out, as they would be over the wire.
 */
export const createInMemoryReportStore = (options: InMemoryReportStoreOptions = {}): ReportStore => {
  const now = options.now ?? (() => new Date());
  const partitions = new Map<string, Map<string, Item>>();

  /** For reading attributes here; what leaves the store is decoded or copied. */
  const get = ({ pk, sk }: ItemKey): Readonly<Item> | undefined => partitions.get(pk)?.get(sk);
  /** The ids of those of `events` that have their audit record. */
  const recordedOf = (events: readonly RegionEvent[]) => new Set(events.filter((e) => get(revisionKey(e)) !== undefined).map((e) => e.eventId));
  /** Puts the item when `condition` holds for what is stored under its key; answers whether it did. */
  const putIf = (item: KeyedItem, condition: (stored: Item | undefined) => boolean): boolean => {
    const partition = partitions.get(item.pk) ?? new Map<string, Item>();
    if (!condition(partition.get(item.sk))) return false;
    partition.set(item.sk, structuredClone(item));
    partitions.set(item.pk, partition);
    return true;
  };
  const putIfAbsent = (item: KeyedItem) => putIf(item, (stored) => stored === undefined);
  /** A guarded put of a versioned item: it lands only if the stored version is still `expected` (0: none). */
  const putVersioned = (item: KeyedItem, expected: number) =>
    putIf(item, (stored) => (expected === 0 ? stored === undefined : stored !== undefined && Number(stored.v) === expected));
  /** The partition's items whose sort key starts with `prefix`, in sort-key order. */
  // Stryker disable next-line StringLiteral: only 'descending' is ever told apart
  const query = (pk: string, prefix: string, order: 'ascending' | 'descending' = 'ascending'): Item[] => {
    // Stryker disable next-line ArrayDeclaration: a list in place of the entries would hold a string, whose one-letter "key" no prefix (each of two or more characters) starts
    const entries = [...(partitions.get(pk) ?? [])].filter(([sk]) => sk.startsWith(prefix)).sort(([a], [b]) => byUtf8(a, b));
    if (order === 'descending') entries.reverse();
    return entries.map(([, item]) => structuredClone(item));
  };

  /** The newest point of a region's time index at or before `key`. */
  const newestItem = (regionId: string, key: string): Item | undefined => {
    const to = timelineSk(key);
    return query(regionPk(regionId), TIMELINE_PREFIX, 'descending').find((item) => byUtf8(String(item.sk), to) <= 0);
  };

  return {
    async putCurrent(event, acceptedAt) {
      const item = currentItem(event, acceptedAt);
      const before = get(item);
      if (putIf(item, (stored) => stored === undefined || byUtf8(String(stored.ver), item.ver) < 0)) {
        return { outcome: 'applied', replaced: before === undefined ? undefined : decodeReport(before) };
      }
      // Stryker disable next-line OptionalChaining: the put failed its condition, so the item is there
      return { outcome: get(currentKey(event))?.ver === item.ver ? 'already-current' : 'stale' };
    },

    recordedOf: async (events) => recordedOf(events),

    currentItems: async (regionId) => query(regionPk(regionId), CURRENT_PREFIX).map(decodeCurrent),

    currentItemsByPrefix: async (regionId, itemKeyPrefix) => query(regionPk(regionId), `${CURRENT_PREFIX}${itemKeyPrefix}`).map(decodeReport),

    batchContext: async (regionId, events) => ({
      state: decodeTimelineState(get(timelineStateKey(regionId))),
      recorded: recordedOf(events),
    }),

    timelineState: async (regionId) => decodeTimelineState(get(timelineStateKey(regionId))),

    putTimelineState: async (regionId, state, expectedVersion) => putVersioned(timelineStateItem(regionId, state, expectedVersion + 1), expectedVersion),

    async timelinePoints(regionId, keys) {
      const out = new Map<string, StoredPoint>();
      for (const key of keys) {
        const item = get(timelineKey(regionId, key));
        if (item !== undefined) out.set(key, decodePoint(item));
      }
      return out;
    },

    async putTimelinePoints(regionId, points) {
      const lost = points.filter((p) => !putVersioned(timelineItem(regionId, p.key, p.point, p.version + 1), p.version)).map((p) => p.key);
      if (lost.length > 0) throw new ConcurrentTimelineWrite(`the time index of ${regionId} changed under this write (${lost.join(', ')})`);
    },

    async timelineUpTo(regionId, day) {
      const newest = newestItem(regionId, day ?? '~');
      if (newest === undefined) return [];
      if (isMonthBase(newest)) return [decodePoint(newest).point];
      const month = timelinePointKey(newest).slice(0, 7);
      const base = get(timelineKey(regionId, month));
      if (base === undefined) throw new Error(`the time index of ${regionId} has days in ${month} but no base for it`);
      return [decodePoint(newest).point, decodePoint(base).point];
    },

    async newestPoint(regionId, key) {
      const item = newestItem(regionId, key);
      return item === undefined ? undefined : { key: timelinePointKey(item), ...decodePoint(item) };
    },

    async monthsAfter(regionId, month) {
      const from = timelineSk(`${month}-99`);
      // Stryker disable next-line EqualityOperator: only a point keyed `<month>-99` equals `from`, and it is no month's base
      const after = (item: Item) => byUtf8(String(item.sk), from) > 0;
      return query(regionPk(regionId), TIMELINE_PREFIX)
        .filter((item) => after(item) && isMonthBase(item))
        .map(timelinePointKey);
    },

    async monthPoints(regionId, month) {
      const from = timelineSk(month);
      const to = timelineSk(`${month}-99`);
      // Stryker disable next-line EqualityOperator: only a point keyed `<month>-99` equals `to`, and no day has that key
      const notAfter = (item: Item) => byUtf8(String(item.sk), to) <= 0;
      return new Map(
        query(regionPk(regionId), TIMELINE_PREFIX)
          .filter((item) => byUtf8(String(item.sk), from) >= 0 && notAfter(item))
          .map((item) => [timelinePointKey(item), decodePoint(item)]),
      );
    },

    async replaceTimeline(regionId, points) {
      const partition = partitions.get(regionPk(regionId)) ?? new Map<string, Item>();
      const versions = new Map(query(regionPk(regionId), TIMELINE_PREFIX).map((item) => [timelinePointKey(item), Number(item.v)]));
      // Stryker disable next-line ConditionalExpression: a point of the new set deleted here is put back just below, with the same version
      for (const key of versions.keys()) if (!points.has(key)) partition.delete(timelineSk(key));
      partitions.set(regionPk(regionId), partition);
      for (const [key, point] of points) putIf(timelineItem(regionId, key, point, (versions.get(key) ?? 0) + 1), () => true);
    },

    async putRevision(event, outcome, acceptedAt) {
      const recordedAt = now().toISOString();
      putIfAbsent(revisionItem(event, outcome, acceptedAt ?? recordedAt, recordedAt));
    },

    async putRevisions(records) {
      const recordedAt = now().toISOString();
      for (const r of records) putIf(revisionItem(r.event, r.outcome, r.acceptedAt, recordedAt), () => true);
    },

    revisions: async (regionId) => query(regionPk(regionId), REVISION_PREFIX).map(decodeRevision),

    itemRevisions: async (regionId, itemKey) => query(regionPk(regionId), itemRevisionPrefix(itemKey), 'descending').map(decodeItemRevision),

    hasRejection: async (r) => get(rejectionKey(r)) !== undefined,

    async putRejection(r) {
      putIfAbsent(rejectionItem(r, now().toISOString()));
    },

    listRejections: async (regionId, limit = 100) => query(regionPk(regionId), REJECTION_PREFIX, 'descending').slice(0, limit).map(decodeRejection),

    frozenReview: async <T>(reviewId: string) => {
      const item = get(frozenReviewKey(reviewId));
      return item === undefined ? undefined : decodeFrozenReview<T>(item);
    },

    freezeReview: async (reviewId, input) => putIfAbsent(frozenReviewItem(reviewId, input)),
  };
};
