import type { PutCommandInput } from '@aws-sdk/lib-dynamodb';
import type { RegionEvent } from '@modellregionen/events';
import { conditionHeld } from './conditional-write';
import type { DocumentOperations, Documents } from './documents';
import { ConcurrentTimelineWrite } from './errors';
import { CURRENT_PREFIX, itemRevisionPrefix, REJECTION_PREFIX, regionPk, REVISION_PREFIX, TIMELINE_PREFIX, timelineSk } from './keys';
import type { ReportStore } from './ports';
import { queryAll } from './query-all';
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
  type ItemKey,
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

interface ReportStoreOptions {
  readonly client: Documents;
  readonly tableName: string;
  /** Wall clock for `recordedAt` stamps; injectable for tests. */
  readonly now?: () => Date;
}

/** The report store on DynamoDB: single-item conditional writes and queries, never a transaction. */
export const createReportStore = (options: ReportStoreOptions): ReportStore => {
  const { client, tableName } = options;
  const now = options.now ?? (() => new Date());

  const queryPrefix = (pk: string, prefix: string, options: { consistent?: boolean; descending?: boolean } = {}) =>
    queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ...(options.consistent ? { ConsistentRead: true } : {}),
      ...(options.descending ? { ScanIndexForward: false } : {}),
    });

  /** A guarded put of a versioned item: it lands only if the stored version is still `expected` (0: none). */
  const putVersioned = (Item: PutCommandInput['Item'], expected: number) =>
    conditionHeld(
      client.call('PutItem', {
        TableName: tableName,
        Item,
        ...(expected === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': expected } }),
      }),
    );

  const batchWrite = async (requests: NonNullable<DocumentOperations['BatchWriteItem']['input']['RequestItems']>[string]) => {
    // Stryker disable next-line EqualityOperator: a batch that starts at the end of the list is empty and sends nothing
    for (let i = 0; i < requests.length; i += 25) {
      let pending = requests.slice(i, i + 25);
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 20) throw new Error(`the store kept refusing ${pending.length} writes of ${tableName}`);
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 50 * 2 ** attempt)));
        const result = await client.call('BatchWriteItem', { RequestItems: { [tableName]: pending } });
        pending = result.UnprocessedItems?.[tableName] ?? [];
      }
    }
  };

  /** The items under `keys` that exist, by sort key (the keys are of one partition), read strongly consistently. */
  const batchGet = async (keys: readonly ItemKey[]): Promise<Map<string, Record<string, unknown>>> => {
    const out = new Map<string, Record<string, unknown>>();
    // Stryker disable next-line EqualityOperator: a batch that starts at the end of the list is empty and reads nothing
    for (let i = 0; i < keys.length; i += 100) {
      let Keys: Record<string, unknown>[] = keys.slice(i, i + 100).map((k) => ({ ...k }));
      for (let attempt = 0; Keys.length > 0; attempt += 1) {
        if (attempt > 20) throw new Error(`the store kept refusing to read ${Keys.length} items of ${tableName}`);
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 50 * 2 ** attempt)));
        const result = await client.call('BatchGetItem', { RequestItems: { [tableName]: { Keys, ConsistentRead: true } } });
        for (const item of result.Responses?.[tableName] ?? []) out.set(String(item.sk), item);
        Keys = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
      }
    }
    return out;
  };

  /** The ids of those of `events` whose audit record is among the items `found` (by sort key). */
  const recordedAmong = (events: readonly RegionEvent[], found: ReadonlyMap<string, unknown>) =>
    new Set(events.filter((e) => found.has(revisionKey(e).sk)).map((e) => e.eventId));

  /** The newest point of a region's time index at or before `key`: one item, whatever the history. */
  const newestItem = async (regionId: string, key: string, consistent: boolean) => {
    // Stryker disable next-line ArrayDeclaration: DynamoDB answers every query with its Items, an empty list if none
    const { Items = [] } = await client.call('Query', {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': regionPk(regionId), ':from': TIMELINE_PREFIX, ':to': timelineSk(key) },
      ScanIndexForward: false,
      Limit: 1,
      ...(consistent ? { ConsistentRead: true } : {}),
    });
    return Items[0];
  };

  const exists = async (key: ItemKey): Promise<boolean> => {
    const { Item } = await client.call('GetItem', { TableName: tableName, Key: key, ConsistentRead: true, ProjectionExpression: 'pk' });
    return Item !== undefined;
  };

  /** Puts the item if its key is free; false when an item was there (the first one stands). */
  const putIfAbsent = (Item: PutCommandInput['Item']) =>
    conditionHeld(client.call('PutItem', { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' }));

  return {
    async putCurrent(event, acceptedAt) {
      const item = currentItem(event, acceptedAt);
      let replaced: Record<string, unknown> | undefined;
      const written = await conditionHeld(
        client
          .call('PutItem', {
            TableName: tableName,
            Item: item,
            ConditionExpression: 'attribute_not_exists(pk) OR ver < :ver',
            ExpressionAttributeValues: { ':ver': item.ver },
            ReturnValues: 'ALL_OLD',
          })
          .then(({ Attributes }) => {
            replaced = Attributes;
          }),
      );
      if (written) return { outcome: 'applied', replaced: replaced === undefined ? undefined : decodeReport(replaced) };
      const { Item } = await client.call('GetItem', { TableName: tableName, Key: currentKey(event), ConsistentRead: true, ProjectionExpression: 'ver' });
      // Stryker disable next-line OptionalChaining: the put failed its condition, so the item is there (current items are only ever replaced, never deleted, while reports are processed)
      return { outcome: Item?.ver === item.ver ? 'already-current' : 'stale' };
    },

    recordedOf: async (events) => recordedAmong(events, await batchGet(events.map(revisionKey))),

    currentItems: async (regionId) => (await queryPrefix(regionPk(regionId), CURRENT_PREFIX, { consistent: true })).map(decodeCurrent),

    currentItemsByPrefix: async (regionId, itemKeyPrefix) => (await queryPrefix(regionPk(regionId), `${CURRENT_PREFIX}${itemKeyPrefix}`)).map(decodeReport),

    async batchContext(regionId, events) {
      const found = await batchGet([timelineStateKey(regionId), ...events.map(revisionKey)]);
      return { state: decodeTimelineState(found.get(timelineStateKey(regionId).sk)), recorded: recordedAmong(events, found) };
    },

    async timelineState(regionId) {
      const { Item } = await client.call('GetItem', { TableName: tableName, Key: timelineStateKey(regionId), ConsistentRead: true });
      return decodeTimelineState(Item);
    },

    putTimelineState: (regionId, state, expectedVersion) => putVersioned(timelineStateItem(regionId, state, expectedVersion + 1), expectedVersion),

    async timelinePoints(regionId, keys) {
      const found = await batchGet(keys.map((k) => timelineKey(regionId, k)));
      return new Map([...found.values()].map((item) => [timelinePointKey(item), decodePoint(item)]));
    },

    async putTimelinePoints(regionId, points) {
      const landed = await Promise.all(points.map((p) => putVersioned(timelineItem(regionId, p.key, p.point, p.version + 1), p.version)));
      const lost = points.filter((_, i) => !landed[i]).map((p) => p.key);
      if (lost.length > 0) throw new ConcurrentTimelineWrite(`the time index of ${regionId} changed under this write (${lost.join(', ')})`);
    },

    async timelineUpTo(regionId, day, options = {}) {
      const newest = await newestItem(regionId, day ?? '~', options.consistent === true);
      if (newest === undefined) return [];
      if (isMonthBase(newest)) return [decodePoint(newest).point];
      const month = timelinePointKey(newest).slice(0, 7);
      const { Item: base } = await client.call('GetItem', {
        TableName: tableName,
        Key: timelineKey(regionId, month),
        ...(options.consistent ? { ConsistentRead: true } : {}),
      });
      if (base === undefined) throw new Error(`the time index of ${regionId} has days in ${month} but no base for it`);
      return [decodePoint(newest).point, decodePoint(base).point];
    },

    async newestPoint(regionId, key) {
      const item = await newestItem(regionId, key, true);
      return item === undefined ? undefined : { key: timelinePointKey(item), ...decodePoint(item) };
    },

    async monthsAfter(regionId, month) {
      const items = await queryAll(client, {
        TableName: tableName,
        // The months after: from the first key after this month's days (`-99` sorts after them).
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': regionPk(regionId), ':from': timelineSk(`${month}-99`), ':to': timelineSk('~') },
        ProjectionExpression: 'sk',
        ConsistentRead: true,
      });
      return items.filter(isMonthBase).map(timelinePointKey);
    },

    async monthPoints(regionId, month) {
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': regionPk(regionId), ':from': timelineSk(month), ':to': timelineSk(`${month}-99`) },
        ConsistentRead: true,
      });
      return new Map(items.map((item) => [timelinePointKey(item), decodePoint(item)]));
    },

    async replaceTimeline(regionId, points) {
      const stored = await queryPrefix(regionPk(regionId), TIMELINE_PREFIX, { consistent: true });
      const versions = new Map(stored.map((item) => [timelinePointKey(item), Number(item.v)]));
      await batchWrite([
        ...[...versions.keys()].filter((k) => !points.has(k)).map((k) => ({ DeleteRequest: { Key: timelineKey(regionId, k) } })),
        // A version above the stored one, so that a writer holding a version read before fails its guard.
        ...[...points].map(([k, p]) => ({ PutRequest: { Item: timelineItem(regionId, k, p, (versions.get(k) ?? 0) + 1) } })),
      ]);
    },

    async putRevision(event, outcome, acceptedAt) {
      const recordedAt = now().toISOString();
      // False when a concurrent delivery of the same event recorded it first: the same record.
      await putIfAbsent(revisionItem(event, outcome, acceptedAt ?? recordedAt, recordedAt));
    },

    async putRevisions(records) {
      const recordedAt = now().toISOString();
      await batchWrite(records.map((r) => ({ PutRequest: { Item: revisionItem(r.event, r.outcome, r.acceptedAt, recordedAt) } })));
    },

    revisions: async (regionId, options = {}) => (await queryPrefix(regionPk(regionId), REVISION_PREFIX, options)).map(decodeRevision),

    itemRevisions: async (regionId, itemKey, options = {}) =>
      (await queryPrefix(regionPk(regionId), itemRevisionPrefix(itemKey), { ...options, descending: true })).map(decodeItemRevision),

    hasRejection: (r) => exists(rejectionKey(r)),

    async putRejection(r) {
      await putIfAbsent(rejectionItem(r, now().toISOString()));
    },

    async listRejections(regionId, limit = 100) {
      // Stryker disable next-line ArrayDeclaration: DynamoDB answers every query with its Items, an empty list if none
      const { Items = [] } = await client.call('Query', {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': regionPk(regionId), ':prefix': REJECTION_PREFIX },
        ScanIndexForward: false,
        Limit: limit,
      });
      return Items.map(decodeRejection);
    },

    async frozenReview<T>(reviewId: string) {
      const { Item } = await client.call('GetItem', { TableName: tableName, Key: frozenReviewKey(reviewId), ConsistentRead: true });
      return Item === undefined ? undefined : decodeFrozenReview<T>(Item);
    },

    freezeReview: (reviewId, input) => putIfAbsent(frozenReviewItem(reviewId, input)),
  };
};
