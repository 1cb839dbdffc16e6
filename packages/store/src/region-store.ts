import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Catalogue, defaultCatalogue, type FieldError, type RegionEvent } from '@modellregionen/events';
import {
  type CompetenceCircleView,
  competenceCircle,
  itemKeyOf,
  type RegionSummary,
  summarizeRegion,
  versionKey,
} from '@modellregionen/domain';
import {
  CHANGES_SK,
  COMPETENCE_CIRCLE_PK,
  CURRENT_PREFIX,
  currentSk,
  REJECTION_PREFIX,
  regionPk,
  rejectionSk,
  REVISION_PREFIX,
  revisionSk,
  FROZEN_SK,
  reviewPk,
  viewSk,
} from './keys';

export interface ReportStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly catalogue?: Catalogue;
  /** Wall clock for `recordedAt` stamps; injectable for tests. */
  readonly now?: () => Date;
}

/** Outcome of writing a report as its item's current state. */
export type CurrentWrite =
  /** The report is now the item's current state. */
  | 'applied'
  /** The report already was the current state: an earlier attempt wrote it and then failed. */
  | 'already-current'
  /** A report that supersedes this one is current; nothing changed. */
  | 'stale';

/**
 * A report as its audit record keeps it. `acceptedAt` is when the bus accepted it (the queue's
 * `SentTimestamp`; kept by the local archive, so a rebuild records the same); `recordedAt` is when
 * processing it was complete (a rebuild records it anew).
 */
export type RecordedReport = RegionEvent & { readonly acceptedAt: string; readonly recordedAt: string };

/** A closed review as it was frozen. */
export interface FrozenReview<T> {
  readonly closedAt: string;
  readonly closedBy: string;
  readonly content: T;
  /** The reports made by the cutoff that the frozen content reflects (absent in reviews closed before this was kept). */
  readonly includedEventIds?: readonly string[];
}

export interface Rejection {
  readonly regionId: string;
  readonly eventId: string;
  readonly source: string;
  readonly detailType: string;
  readonly receivedAt: string;
  readonly errors: FieldError[];
  /** The event as it arrived (truncated to 64 KiB), so a coordinator can see what was sent. */
  readonly body: string;
}

const MAX_STORED_BODY = 64 * 1024;

/** A conditional write whose condition did not hold (by class, or by name across SDK copies). */
export const isConditionFailure = (err: unknown): boolean =>
  err instanceof ConditionalCheckFailedException ||
  (err instanceof Error && err.name === 'ConditionalCheckFailedException');

const encodeReport = (event: RegionEvent) => ({
  eventId: event.eventId,
  source: event.source,
  regionId: event.regionId,
  receivedAt: event.receivedAt,
  detailType: event.detailType,
  revision: event.detail.revision,
  reportedAt: event.detail.reportedAt,
  ver: versionKey(event),
  // The detail is kept as its JSON text: it round-trips exactly, numbers and all.
  detail: JSON.stringify(event.detail),
});

const decodeReport = (item: Record<string, unknown>): RegionEvent =>
  ({
    eventId: item.eventId,
    source: item.source,
    regionId: item.regionId,
    receivedAt: item.receivedAt,
    detailType: item.detailType,
    detail: JSON.parse(String(item.detail)),
  }) as RegionEvent;

export type ReportStore = ReturnType<typeof createReportStore>;

/**
 * Every read and write of reports, views and the quarantine: single-item conditional writes and
 * queries, never a transaction (see docs/data-model.md).
 */
export const createReportStore = (options: ReportStoreOptions) => {
  const { client, tableName } = options;
  const catalogue = options.catalogue ?? defaultCatalogue;
  const now = options.now ?? (() => new Date());

  const queryAll = async (input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey !== undefined);
    return items;
  };

  const queryPrefix = (pk: string, prefix: string, extra: Partial<QueryCommandInput> = {}) =>
    queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ...extra,
    });

  /** Every region's stored summary: one Query over one small item per region. */
  const regionSummaries = async (): Promise<Map<string, RegionSummary>> => {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': COMPETENCE_CIRCLE_PK },
    });
    return new Map(
      items.map((i) => {
        const summary = JSON.parse(String(i.summary)) as RegionSummary;
        return [summary.regionId, summary];
      }),
    );
  };

  const exists = async (pk: string, sk: string): Promise<boolean> => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: { pk, sk }, ConsistentRead: true, ProjectionExpression: 'pk' }),
    );
    return Item !== undefined;
  };

  return {
    tableName,
    catalogue,

    /** Whether this report was fully processed before (its revision record is written last). */
    hasRevision: (event: RegionEvent): Promise<boolean> =>
      exists(regionPk(event.regionId), revisionSk(itemKeyOf(event), event.detail.revision, event.eventId)),

    /** Writes the report as its item's current state if it supersedes what is there. */
    async putCurrent(event: RegionEvent): Promise<CurrentWrite> {
      const pk = regionPk(event.regionId);
      const sk = currentSk(itemKeyOf(event));
      const record = encodeReport(event);
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { pk, sk, type: 'current', ...record },
            ConditionExpression: 'attribute_not_exists(pk) OR ver < :ver',
            ExpressionAttributeValues: { ':ver': record.ver },
          }),
        );
        return 'applied';
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: { pk, sk }, ConsistentRead: true, ProjectionExpression: 'ver' }),
      );
      return Item?.ver === record.ver ? 'already-current' : 'stale';
    },

    /** Counts a change of the region's current state; the result orders view recomputations. */
    async countChange(regionId: string): Promise<number> {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: regionPk(regionId), sk: CHANGES_SK },
          UpdateExpression: 'ADD changes :one',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.changes);
    },

    /** The region's current items: the winning report of each item. */
    currentItems: async (regionId: string): Promise<RegionEvent[]> =>
      (await queryPrefix(regionPk(regionId), CURRENT_PREFIX, { ConsistentRead: true })).map(decodeReport),

    /** The region's current items whose item key starts with `itemKeyPrefix` (`finding#`, `indicator#<id>#`). */
    currentItemsByPrefix: async (regionId: string, itemKeyPrefix: string): Promise<RegionEvent[]> =>
      (await queryPrefix(regionPk(regionId), `${CURRENT_PREFIX}${itemKeyPrefix}`)).map(decodeReport),

    /** A closed review, as it was frozen, or undefined while it is open. */
    async frozenReview<T>(reviewId: string): Promise<FrozenReview<T> | undefined> {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: { pk: reviewPk(reviewId), sk: FROZEN_SK }, ConsistentRead: true }),
      );
      if (Item === undefined) return undefined;
      return {
        closedAt: String(Item.closedAt),
        closedBy: String(Item.closedBy),
        content: JSON.parse(String(Item.content)) as T,
        ...(typeof Item.included === 'string' ? { includedEventIds: JSON.parse(Item.included) as string[] } : {}),
      };
    },

    /** Freezes a review; false when it was closed before (the first close stands). */
    async freezeReview(reviewId: string, input: FrozenReview<unknown>): Promise<boolean> {
      const { includedEventIds, ...rest } = input;
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              pk: reviewPk(reviewId),
              sk: FROZEN_SK,
              type: 'review',
              ...rest,
              content: JSON.stringify(input.content),
              ...(includedEventIds ? { included: JSON.stringify(includedEventIds) } : {}),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (err) {
        if (isConditionFailure(err)) return false;
        throw err;
      }
    },

    /** Every report ever accepted for the region, with when it was recorded, for as-of views and audits. */
    revisions: async (regionId: string): Promise<RecordedReport[]> =>
      (await queryPrefix(regionPk(regionId), REVISION_PREFIX)).map((item) => ({
        ...decodeReport(item),
        // Audit records written before acceptance times were kept have only the time of recording.
        acceptedAt: String(item.acceptedAt ?? item.recordedAt),
        recordedAt: String(item.recordedAt),
      })),

    /**
     * Recomputes the region's competence-circle row from its current items. `changes` must have
     * been read (counted) before the items are queried: the write only lands if no view that saw
     * more changes is already stored, so a slow recomputation never overwrites a newer one.
     */
    async recomputeView(regionId: string, changes: number): Promise<'written' | 'superseded'> {
      const items = (await queryPrefix(regionPk(regionId), CURRENT_PREFIX, { ConsistentRead: true })).map(decodeReport);
      const summary = summarizeRegion(regionId, items, catalogue);
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              pk: COMPETENCE_CIRCLE_PK,
              sk: viewSk(regionId),
              type: 'view',
              changes,
              summary: JSON.stringify(summary),
              updatedAt: now().toISOString(),
            },
            ConditionExpression: 'attribute_not_exists(changes) OR changes < :changes',
            ExpressionAttributeValues: { ':changes': changes },
          }),
        );
        return 'written';
      } catch (err) {
        if (isConditionFailure(err)) return 'superseded';
        throw err;
      }
    },

    /**
     * The audit record of a report; written last, it also marks the report as processed.
     * `acceptedAt` is when the bus accepted it (default: now).
     */
    async putRevision(event: RegionEvent, outcome: CurrentWrite, acceptedAt?: string): Promise<void> {
      const recordedAt = now().toISOString();
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              pk: regionPk(event.regionId),
              sk: revisionSk(itemKeyOf(event), event.detail.revision, event.eventId),
              type: 'revision',
              ...encodeReport(event),
              reportedBy: event.detail.reportedBy,
              outcome: outcome === 'stale' ? 'superseded-on-arrival' : 'applied',
              acceptedAt: acceptedAt ?? recordedAt,
              recordedAt,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (err) {
        // A concurrent delivery of the same event recorded it first: the same record.
        if (!isConditionFailure(err)) throw err;
      }
    },

    hasRejection: (r: Pick<Rejection, 'regionId' | 'receivedAt' | 'eventId'>): Promise<boolean> =>
      exists(regionPk(r.regionId), rejectionSk(r.receivedAt, r.eventId)),

    async putRejection(r: Rejection): Promise<void> {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              pk: regionPk(r.regionId),
              sk: rejectionSk(r.receivedAt, r.eventId),
              type: 'rejection',
              ...r,
              body: r.body.length > MAX_STORED_BODY ? r.body.slice(0, MAX_STORED_BODY) : r.body,
              recordedAt: now().toISOString(),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    },

    /** The region's quarantined reports, newest first. */
    async listRejections(regionId: string, limit = 100): Promise<Rejection[]> {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': regionPk(regionId), ':prefix': REJECTION_PREFIX },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return Items.map((i) => ({
        regionId: String(i.regionId),
        eventId: String(i.eventId),
        source: String(i.source),
        detailType: String(i.detailType),
        receivedAt: String(i.receivedAt),
        errors: i.errors as FieldError[],
        body: String(i.body),
      }));
    },

    regionSummaries,

    /** The competence-circle view with every report counted, for the Berlin date `asOf`. */
    competenceCircle: async (asOf: string): Promise<CompetenceCircleView> =>
      competenceCircle({ catalogue, summaries: await regionSummaries(), asOf }),
  };
};
