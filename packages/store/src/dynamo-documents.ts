import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { type AwsJsonClient, type CallLimits, type ClientLocation, createAwsJsonClient, SERVICES } from '@modellregionen/aws-json';
import { STORE_LIMITS } from './dynamo-client';
import type { DocumentOperation, DocumentOperations, Documents } from './documents';

type Values = Record<string, unknown>;
type Attributes = Record<string, AttributeValue>;

// What the AWS SDK's document client does with items, with the same functions and options: each
// top-level value converted on its own (an undefined one left out), numbers as JavaScript numbers.
const toAttributes = (values: Values | undefined): Attributes | undefined =>
  values === undefined
    ? undefined
    : Object.fromEntries(
        Object.entries(values)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, marshall(v, { convertTopLevelContainer: true }) as AttributeValue]),
      );
const fromAttributes = (attributes: Attributes | undefined): Values | undefined => (attributes === undefined ? undefined : unmarshall(attributes));

const mapTables = <T, U>(tables: Record<string, T> | undefined, f: (entry: T) => U): Record<string, U> | undefined =>
  tables === undefined ? undefined : Object.fromEntries(Object.entries(tables).map(([table, entry]) => [table, f(entry)]));

interface WriteRequest {
  PutRequest?: { Item?: Values };
  DeleteRequest?: { Key?: Values };
}
const writeRequests = (requests: WriteRequest[], convert: (v: never) => unknown) =>
  requests.map((r) => ({
    ...(r.PutRequest ? { PutRequest: { Item: convert(r.PutRequest.Item as never) } } : {}),
    ...(r.DeleteRequest ? { DeleteRequest: { Key: convert(r.DeleteRequest.Key as never) } } : {}),
  }));

/** Drops the keys whose value is undefined: an answer names only what the store sent, as the SDK's do. (What is sent needs no such step: JSON leaves undefined values out.) */
const defined = (o: Values): Values => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Where each operation carries items, in and out: the wire form is DynamoDB's typed attribute values. */
const CODECS: { [Op in DocumentOperation]: { input(i: DocumentOperations[Op]['input']): Values; output(o: Values): DocumentOperations[Op]['output'] } } = {
  GetItem: {
    input: (i) => ({ ...i, Key: toAttributes(i.Key) }),
    output: (o) => defined({ ...o, Item: fromAttributes(o.Item as Attributes | undefined) }),
  },
  PutItem: {
    input: (i) => ({ ...i, Item: toAttributes(i.Item), ExpressionAttributeValues: toAttributes(i.ExpressionAttributeValues) }),
    output: (o) => defined({ ...o, Attributes: fromAttributes(o.Attributes as Attributes | undefined) }),
  },
  DeleteItem: {
    input: (i) => ({ ...i, Key: toAttributes(i.Key), ExpressionAttributeValues: toAttributes(i.ExpressionAttributeValues) }),
    output: (o) => defined({ ...o, Attributes: fromAttributes(o.Attributes as Attributes | undefined) }),
  },
  Query: {
    input: (i) => ({ ...i, ExpressionAttributeValues: toAttributes(i.ExpressionAttributeValues), ExclusiveStartKey: toAttributes(i.ExclusiveStartKey) }),
    output: (o) =>
      defined({
        ...o,
        Items: (o.Items as Attributes[] | undefined)?.map((item) => fromAttributes(item)!),
        LastEvaluatedKey: fromAttributes(o.LastEvaluatedKey as Attributes | undefined),
      }),
  },
  BatchGetItem: {
    input: (i) => ({ ...i, RequestItems: mapTables(i.RequestItems, (t) => ({ ...t, Keys: t.Keys?.map((k) => toAttributes(k)!) })) }),
    output: (o) =>
      defined({
        ...o,
        Responses: mapTables(o.Responses as Record<string, Attributes[]> | undefined, (items) => items.map((item) => fromAttributes(item)!)),
        UnprocessedKeys: mapTables(o.UnprocessedKeys as Record<string, { Keys?: Attributes[] }> | undefined, (t) =>
          defined({ ...t, Keys: t.Keys?.map((k) => fromAttributes(k)!) }),
        ),
      }),
  },
  BatchWriteItem: {
    input: (i) => ({ ...i, RequestItems: mapTables(i.RequestItems, (requests) => writeRequests(requests as WriteRequest[], toAttributes)) }),
    output: (o) =>
      defined({
        ...o,
        UnprocessedItems: mapTables(o.UnprocessedItems as Record<string, WriteRequest[]> | undefined, (requests) => writeRequests(requests, fromAttributes)),
      }),
  },
};

export interface DynamoDocumentsOptions extends ClientLocation {
  /** `STORE_LIMITS` unless given (the bench waits longer for a store under load). */
  readonly limits?: CallLimits;
}

/** The document calls over a client of the DynamoDB JSON protocol. */
const documentsOver = (client: AwsJsonClient): Documents => ({
  async call(operation, input) {
    const codec = CODECS[operation];
    return codec.output(await client.call(operation, codec.input(input as never)));
  },
});

/** The stores' DynamoDB calls over the DynamoDB JSON protocol, bounded by `STORE_LIMITS`. */
export const dynamoDocuments = (options: DynamoDocumentsOptions = {}): Documents =>
  documentsOver(createAwsJsonClient({ limits: STORE_LIMITS, ...options, service: SERVICES.dynamodb }));
