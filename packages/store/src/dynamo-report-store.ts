import { type DynamoDBDocumentClient, GetCommand, PutCommand, type PutCommandInput, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { competenceCircle } from '@modellregionen/domain';
import { type Catalogue, defaultCatalogue } from '@modellregionen/events';
import { conditionHeld } from './conditional-write';
import { COMPETENCE_CIRCLE_PK, CURRENT_PREFIX, itemRevisionPrefix, REJECTION_PREFIX, regionPk, REVISION_PREFIX } from './keys';
import type { ReportStore } from './ports';
import { queryAll } from './query-all';
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
  type ItemKey,
  rejectionItem,
  rejectionKey,
  revisionItem,
  revisionKey,
  viewItem,
} from './report-items';

interface ReportStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** The catalogue the competence-circle view lists the regions of. */
  readonly catalogue?: Catalogue;
  /** Wall clock for `recordedAt` stamps; injectable for tests. */
  readonly now?: () => Date;
}

/** The report store on DynamoDB: single-item conditional writes and queries, never a transaction. */
export const createReportStore = (options: ReportStoreOptions): ReportStore => {
  const { client, tableName } = options;
  const catalogue = options.catalogue ?? defaultCatalogue;
  const now = options.now ?? (() => new Date());

  const queryPrefix = (pk: string, prefix: string, options: { consistent?: boolean; descending?: boolean } = {}) =>
    queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ...(options.consistent ? { ConsistentRead: true } : {}),
      ...(options.descending ? { ScanIndexForward: false } : {}),
    });

  const exists = async (key: ItemKey): Promise<boolean> => {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true, ProjectionExpression: 'pk' }));
    return Item !== undefined;
  };

  /** Puts the item if its key is free; false when an item was there (the first one stands). */
  const putIfAbsent = (Item: PutCommandInput['Item']) =>
    conditionHeld(client.send(new PutCommand({ TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' })));

  /** Every region's stored view: one Query over one small item per region. */
  const regionSummaries = async () =>
    new Map(
      (await queryAll(client, { TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': COMPETENCE_CIRCLE_PK } })).map(
        (item) => {
          const summary = decodeView(item);
          return [summary.regionId, summary];
        },
      ),
    );

  return {
    hasRevision: (event) => exists(revisionKey(event)),

    async putCurrent(event) {
      const item = currentItem(event);
      const written = await conditionHeld(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: item,
            ConditionExpression: 'attribute_not_exists(pk) OR ver < :ver',
            ExpressionAttributeValues: { ':ver': item.ver },
          }),
        ),
      );
      if (written) return 'applied';
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: currentKey(event), ConsistentRead: true, ProjectionExpression: 'ver' }));
      return Item?.ver === item.ver ? 'already-current' : 'stale';
    },

    async countChange(regionId) {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: changesKey(regionId),
          UpdateExpression: 'ADD changes :one',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.changes);
    },

    currentItems: async (regionId) => (await queryPrefix(regionPk(regionId), CURRENT_PREFIX, { consistent: true })).map(decodeReport),

    currentItemsByPrefix: async (regionId, itemKeyPrefix) => (await queryPrefix(regionPk(regionId), `${CURRENT_PREFIX}${itemKeyPrefix}`)).map(decodeReport),

    async putView(regionId, changes, summary) {
      const written = await conditionHeld(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: viewItem(regionId, changes, summary, now().toISOString()),
            ConditionExpression: 'attribute_not_exists(changes) OR changes < :changes',
            ExpressionAttributeValues: { ':changes': changes },
          }),
        ),
      );
      return written ? 'written' : 'superseded';
    },

    regionSummaries,

    competenceCircle: async (asOf) => competenceCircle({ catalogue, summaries: await regionSummaries(), asOf }),

    async putRevision(event, outcome, acceptedAt) {
      const recordedAt = now().toISOString();
      // False when a concurrent delivery of the same event recorded it first: the same record.
      await putIfAbsent(revisionItem(event, outcome, acceptedAt ?? recordedAt, recordedAt));
    },

    revisions: async (regionId) => (await queryPrefix(regionPk(regionId), REVISION_PREFIX)).map(decodeRevision),

    itemRevisions: async (regionId, itemKey) =>
      (await queryPrefix(regionPk(regionId), itemRevisionPrefix(itemKey), { descending: true })).map(decodeItemRevision),

    hasRejection: (r) => exists(rejectionKey(r)),

    async putRejection(r) {
      await putIfAbsent(rejectionItem(r, now().toISOString()));
    },

    async listRejections(regionId, limit = 100) {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': regionPk(regionId), ':prefix': REJECTION_PREFIX },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return Items.map(decodeRejection);
    },

    async frozenReview<T>(reviewId: string) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: frozenReviewKey(reviewId), ConsistentRead: true }));
      return Item === undefined ? undefined : decodeFrozenReview<T>(Item);
    },

    freezeReview: (reviewId, input) => putIfAbsent(frozenReviewItem(reviewId, input)),
  };
};
