import { competenceCircle } from '@modellregionen/domain';
import { type Catalogue, defaultCatalogue } from '@modellregionen/events';
import { COMPETENCE_CIRCLE_PK, CURRENT_PREFIX, itemRevisionPrefix, REJECTION_PREFIX, regionPk, REVISION_PREFIX } from './keys';
import type { ReportStore } from './ports';
import {
  changesKey,
  currentItem,
  currentKey,
  decodeFrozenReview,
  decodeItemRevision,
  decodeRejection,
  decodeReport,
  decodeRevision,
  decodeView,
  frozenReviewItem,
  frozenReviewKey,
  type Item,
  type ItemKey,
  type KeyedItem,
  rejectionItem,
  rejectionKey,
  revisionItem,
  revisionKey,
  viewItem,
} from './report-items';

interface InMemoryReportStoreOptions {
  /** The catalogue the competence-circle view lists the regions of. */
  readonly catalogue?: Catalogue;
  /** Wall clock for `recordedAt` stamps. */
  readonly now?: () => Date;
}

/** DynamoDB orders sort keys by their UTF-8 bytes, which is not JavaScript's order of UTF-16 code units. */
const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * The report store in memory, for unit tests of what is built on it. It keeps the same items as
 * the DynamoDB store and honours the same conditions (puts that keep the first item, the current
 * state's version check, the change counter's ADD, the view's change check), each call atomic as
 * a single DynamoDB request is. Items are copied in and out, as they would be over the wire.
 */
export const createInMemoryReportStore = (options: InMemoryReportStoreOptions = {}): ReportStore => {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const now = options.now ?? (() => new Date());
  const partitions = new Map<string, Map<string, Item>>();

  /** For reading attributes here; what leaves the store is decoded or copied. */
  const get = ({ pk, sk }: ItemKey): Readonly<Item> | undefined => partitions.get(pk)?.get(sk);
  /** Puts the item when `condition` holds for what is stored under its key; answers whether it did. */
  const putIf = (item: KeyedItem, condition: (stored: Item | undefined) => boolean): boolean => {
    const partition = partitions.get(item.pk) ?? new Map<string, Item>();
    if (!condition(partition.get(item.sk))) return false;
    partition.set(item.sk, structuredClone(item));
    partitions.set(item.pk, partition);
    return true;
  };
  const putIfAbsent = (item: KeyedItem) => putIf(item, (stored) => stored === undefined);
  /** The partition's items whose sort key starts with `prefix`, in sort-key order. */
  const query = (pk: string, prefix = '', order: 'ascending' | 'descending' = 'ascending'): Item[] => {
    const entries = [...(partitions.get(pk) ?? [])].filter(([sk]) => sk.startsWith(prefix)).sort(([a], [b]) => byUtf8(a, b));
    if (order === 'descending') entries.reverse();
    return entries.map(([, item]) => structuredClone(item));
  };

  const regionSummaries = async () =>
    new Map(
      query(COMPETENCE_CIRCLE_PK).map((item) => {
        const summary = decodeView(item);
        return [summary.regionId, summary];
      }),
    );

  return {
    hasRevision: async (event) => get(revisionKey(event)) !== undefined,

    async putCurrent(event) {
      const item = currentItem(event);
      if (putIf(item, (stored) => stored === undefined || byUtf8(String(stored.ver), item.ver) < 0)) return 'applied';
      return get(currentKey(event))?.ver === item.ver ? 'already-current' : 'stale';
    },

    async countChange(regionId) {
      const key = changesKey(regionId);
      const changes = Number(get(key)?.changes ?? 0) + 1;
      putIf({ ...key, changes }, () => true);
      return changes;
    },

    currentItems: async (regionId) => query(regionPk(regionId), CURRENT_PREFIX).map(decodeReport),

    currentItemsByPrefix: async (regionId, itemKeyPrefix) => query(regionPk(regionId), `${CURRENT_PREFIX}${itemKeyPrefix}`).map(decodeReport),

    async putView(regionId, changes, summary) {
      const item = viewItem(regionId, changes, summary, now().toISOString());
      return putIf(item, (stored) => stored?.changes === undefined || Number(stored.changes) < changes) ? 'written' : 'superseded';
    },

    regionSummaries,

    competenceCircle: async (asOf) => competenceCircle({ catalogue, summaries: await regionSummaries(), asOf }),

    async putRevision(event, outcome, acceptedAt) {
      const recordedAt = now().toISOString();
      putIfAbsent(revisionItem(event, outcome, acceptedAt ?? recordedAt, recordedAt));
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
