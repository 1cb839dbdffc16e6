// What the embedded store never does: answer a page at a time, or leave part of a batch
// unprocessed. A stand-in for the client answers as DynamoDB may.
import { type AttributeValue, type BatchWriteItemCommand, type DynamoDBClient, ScanCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearDerivedItems } from '@modellregionen/store';

const TABLE = 'modellregionen';
const keysOf = (n: number, from = 0): Record<string, AttributeValue>[] =>
  Array.from({ length: n }, (_, i) => ({ pk: { S: 'REGION#wetzlar' }, sk: { S: `CUR#milestone#m${from + i}` } }));

/** A store that answers scans with `pages` and leaves of each batch what `refuse` returns. */
const store = (pages: Record<string, AttributeValue>[][], refuse: (attempt: number, requests: WriteRequest[]) => WriteRequest[] = () => []) => {
  const batches: number[] = [];
  const scanStarts: unknown[] = [];
  let attempt = 0;
  const send = async (command: ScanCommand | BatchWriteItemCommand) => {
    if (command instanceof ScanCommand) {
      const page = scanStarts.length;
      scanStarts.push(command.input.ExclusiveStartKey);
      return { Items: pages[page], ...(page < pages.length - 1 ? { LastEvaluatedKey: { pk: { S: `after-page-${page}` } } } : {}) };
    }
    const requests = command.input.RequestItems?.[TABLE] ?? [];
    batches.push(requests.length);
    attempt += 1;
    const left = refuse(attempt, requests);
    // With nothing left, an answer may hold no UnprocessedItems at all (the SDK declares them optional).
    return left.length > 0 ? { UnprocessedItems: { [TABLE]: left } } : {};
  };
  // Only `send` is used; the rest of the client is not needed to answer.
  return { client: { send } as unknown as DynamoDBClient, batches, scanStarts };
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs the clearing with the pauses between attempts passed at once; returns the time they took. */
const cleared = async (client: DynamoDBClient) => {
  const started = Date.now();
  const result = clearDerivedItems(client, TABLE);
  await vi.runAllTimersAsync();
  return { deleted: await result, waitedMs: Date.now() - started };
};

describe('clearing derived items from a store that answers as DynamoDB may', () => {
  it('reads the scan page after page and deletes in batches of at most 25', async () => {
    const s = store([keysOf(30), keysOf(3, 30), []]);
    expect(await cleared(s.client)).toEqual({ deleted: 33, waitedMs: 0 });
    expect(s.batches).toEqual([25, 5, 3]);
    expect(s.scanStarts).toEqual([undefined, { pk: { S: 'after-page-0' } }, { pk: { S: 'after-page-1' } }]);
  });

  it('sends again what the store left unprocessed, after 100 ms, then 200 ms, and counts only what was deleted', async () => {
    const s = store([keysOf(5)], (attempt, requests) => (attempt <= 2 ? requests.slice(-2) : []));
    expect(await cleared(s.client)).toEqual({ deleted: 5, waitedMs: 100 + 200 });
    expect(s.batches).toEqual([5, 2, 2]);
  });

  it('waits at most a second between attempts and is done when the last attempt is taken', async () => {
    const s = store([keysOf(3)], (attempt, requests) => (attempt < 22 ? requests : []));
    expect(await cleared(s.client)).toEqual({ deleted: 3, waitedMs: 100 + 200 + 400 + 800 + 17 * 1_000 });
    expect(s.batches).toHaveLength(22);
  });

  it('gives up after 22 attempts when the store keeps refusing, naming what is left', async () => {
    const s = store([keysOf(3)], (_attempt, requests) => requests);
    const outcome = expect(clearDerivedItems(s.client, TABLE)).rejects.toThrow('could not delete 3 derived items of modellregionen: the store keeps refusing');
    await vi.runAllTimersAsync();
    await outcome;
    expect(s.batches).toHaveLength(22);
  });
});
