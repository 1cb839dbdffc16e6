// Ensuring the table against a stand-in for the client that answers as DynamoDB may: a table that
// takes a while to become active, another process creating it at the same time, a refusal.
import {
  CreateTableCommand,
  type DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  type TableStatus,
} from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureTable } from '@modellregionen/store';

const TABLE = 'modellregionen';
const notFound = () => new ResourceNotFoundException({ message: `Requested resource not found: Table: ${TABLE} not found`, $metadata: {} });
const inUse = () => new ResourceInUseException({ message: `Table already exists: ${TABLE}`, $metadata: {} });

/**
 * A store whose DescribeTable answers are `statuses` in turn (the last one from then on; undefined:
 * no such table), whose CreateTable answers with `create`, and that records what was sent when.
 */
const store = (statuses: (TableStatus | undefined | Error)[], create: () => Error | undefined = () => undefined) => {
  const sent: string[] = [];
  let described = 0;
  const send = async (command: DescribeTableCommand | CreateTableCommand) => {
    sent.push(`${Date.now()} ${command.constructor.name} ${command.input.TableName}`);
    if (command instanceof CreateTableCommand) {
      const refusal = create();
      if (refusal !== undefined) throw refusal;
      return { TableDescription: { TableName: TABLE, TableStatus: 'CREATING' } };
    }
    const status = statuses[Math.min(described, statuses.length - 1)];
    described += 1;
    if (status instanceof Error) throw status;
    if (status === undefined) throw notFound();
    return { Table: { TableName: TABLE, TableStatus: status } };
  };
  // Only `send` is used; the rest of the client is not needed to answer.
  return { client: { send } as unknown as DynamoDBClient, sent };
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'Date'], now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Ensures the table with the pauses passed at once; what it came to (undefined: done) and when. */
const ensured = async (client: DynamoDBClient) => {
  const outcome = ensureTable(client, TABLE).then(
    () => undefined,
    (err: unknown) => err,
  );
  await vi.runAllTimersAsync();
  return { outcome: await outcome, tookMs: Date.now() };
};

describe('ensuring the table', () => {
  it('leaves an active table as it is, at once', async () => {
    const s = store(['ACTIVE']);
    expect(await ensured(s.client)).toEqual({ outcome: undefined, tookMs: 0 });
    expect(s.sent).toEqual([`0 DescribeTableCommand ${TABLE}`]);
  });

  it('creates a missing table and looks again every 50 ms until it is active', async () => {
    const s = store([undefined, 'CREATING', 'CREATING', 'ACTIVE']);
    expect(await ensured(s.client)).toEqual({ outcome: undefined, tookMs: 150 });
    expect(s.sent).toEqual([
      `0 DescribeTableCommand ${TABLE}`,
      `0 CreateTableCommand ${TABLE}`,
      `50 DescribeTableCommand ${TABLE}`,
      `100 DescribeTableCommand ${TABLE}`,
      `150 DescribeTableCommand ${TABLE}`,
    ]);
  });

  it('waits out a table being deleted and creates it anew', async () => {
    const s = store(['DELETING', undefined, 'ACTIVE']);
    expect(await ensured(s.client)).toEqual({ outcome: undefined, tookMs: 100 });
    expect(s.sent.map((line) => line.split(' ')[1])).toEqual(['DescribeTableCommand', 'DescribeTableCommand', 'CreateTableCommand', 'DescribeTableCommand']);
  });

  it('takes a table another process created at the same moment as its own', async () => {
    const s = store([undefined, 'ACTIVE'], inUse);
    expect(await ensured(s.client)).toEqual({ outcome: undefined, tookMs: 50 });
  });

  it('passes on any other refusal to create the table', async () => {
    const refusal = new Error('User is not authorized to perform: dynamodb:CreateTable');
    const s = store([undefined, 'ACTIVE'], () => refusal);
    expect((await ensured(s.client)).outcome).toBe(refusal);
    expect(s.sent).toHaveLength(2);
  });

  it('passes on a refusal to describe the table, and creates nothing', async () => {
    const refusal = new Error('User is not authorized to perform: dynamodb:DescribeTable');
    const s = store([refusal]);
    expect((await ensured(s.client)).outcome).toBe(refusal);
    expect(s.sent).toEqual([`0 DescribeTableCommand ${TABLE}`]);
  });

  it('gives up after 200 looks at a table that does not become active, naming it', async () => {
    const s = store([undefined, 'CREATING']);
    const { outcome, tookMs } = await ensured(s.client);
    expect(outcome).toEqual(new Error(`table ${TABLE} did not become active`));
    expect(tookMs).toBe(200 * 50);
    expect(s.sent.filter((line) => line.includes('DescribeTableCommand'))).toHaveLength(200);
    expect(s.sent.filter((line) => line.includes('CreateTableCommand'))).toHaveLength(1);
  });
});
