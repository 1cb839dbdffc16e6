import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Documents } from './documents';

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

export interface OperationCapacity {
  calls: number;
  capacityUnits: number;
  conditionalCheckFailures: number;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem']);

/**
 * Adds up the capacity DynamoDB reports (`ReturnConsumedCapacity: TOTAL` on every call). A write
 * that fails its condition returns no figure, yet DynamoDB bills it: it is counted apart.
 */
export class CapacityMeter {
  readonly byOperation = new Map<string, OperationCapacity>();

  get readUnits(): number {
    return this.sum((op) => READS.has(op));
  }
  get writeUnits(): number {
    return this.sum((op) => !READS.has(op));
  }
  get failedConditionalWrites(): number {
    return [...this.byOperation.values()].reduce((a, o) => a + o.conditionalCheckFailures, 0);
  }

  reset(): void {
    this.byOperation.clear();
  }

  record(operation: string, consumed: Consumed | Consumed[] | undefined, conditionFailed = false): void {
    const entry = this.byOperation.get(operation) ?? { calls: 0, capacityUnits: 0, conditionalCheckFailures: 0 };
    entry.calls += 1;
    if (consumed !== undefined) {
      for (const c of [consumed].flat()) entry.capacityUnits += c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0);
    }
    if (conditionFailed) entry.conditionalCheckFailures += 1;
    this.byOperation.set(operation, entry);
  }

  private sum(filter: (op: string) => boolean): number {
    let total = 0;
    for (const [op, c] of this.byOperation) if (filter(op)) total += c.capacityUnits;
    return total;
  }
}

/** The stores' calls through `documents`, each returning and recording its consumed capacity. */
export const meteredDocuments = (documents: Documents, meter: CapacityMeter): Documents => ({
  async call(operation, input) {
    try {
      const output = await documents.call(operation, { ...input, ReturnConsumedCapacity: 'TOTAL' });
      meter.record(operation, output.ConsumedCapacity);
      return output;
    } catch (err) {
      meter.record(operation, undefined, (err as Error).name === 'ConditionalCheckFailedException');
      throw err;
    }
  },
});

/** Makes every call of an AWS SDK `client` return and record its consumed capacity. */
export const meterCapacity = (client: DynamoDBClient | DynamoDBDocumentClient, meter: CapacityMeter): void => {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity = 'TOTAL';
      // Stryker disable next-line StringLiteral: every command of the SDK names itself
      // Named as the operation (`GetItemCommand` is `GetItem`), as `meteredDocuments` names it.
      const operation = (context.commandName ?? 'unknown').replace(/Command$/, '');
      try {
        const result = await next(args);
        meter.record(operation, (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity);
        return result;
      } catch (err) {
        meter.record(operation, undefined, (err as Error).name === 'ConditionalCheckFailedException');
        throw err;
      }
    },
    { step: 'initialize', name: 'capacityMeter', override: true },
  );
};
