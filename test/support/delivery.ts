// Delivers events to the aggregator as SQS would: in batches, and again when a message failed.
import { randomUUID } from 'node:crypto';
import type { Aggregator } from '@modellregionen/aggregation';
import type { InboundMessage } from '@modellregionen/lambda-kit';

export const asMessage = (event: unknown): InboundMessage => ({ id: randomUUID(), body: JSON.stringify(event) });

export const inBatches = <T>(items: readonly T[], sizes: readonly number[]): T[][] => {
  const batches: T[][] = [];
  let i = 0;
  let s = 0;
  while (i < items.length) {
    const size = Math.max(1, sizes[s++ % Math.max(1, sizes.length)] ?? 10);
    batches.push(items.slice(i, i + size));
    i += size;
  }
  return batches;
};

/**
 * Processes the batches, `parallel` at a time, and redelivers failed messages until none fail.
 * Returns how many deliveries it took and how many messages ever failed.
 */
export const deliverUntilDone = async (aggregator: Aggregator, batches: InboundMessage[][], options: { parallel?: number; maxRounds?: number } = {}) => {
  let pending = batches;
  let failures = 0;
  for (let round = 0; round < (options.maxRounds ?? 100); round += 1) {
    const retry: InboundMessage[] = [];
    for (let i = 0; i < pending.length; i += options.parallel ?? 1) {
      const results = await Promise.all(
        pending.slice(i, i + (options.parallel ?? 1)).map(async (batch) => {
          const outcome = await aggregator.processMessages(batch);
          return batch.filter((m) => outcome.failed.includes(m.id));
        }),
      );
      for (const r of results) retry.push(...r);
    }
    failures += retry.length;
    if (retry.length === 0) return { rounds: round + 1, failures };
    pending = inBatches(retry, [10]);
  }
  throw new Error(`messages still failing after ${options.maxRounds ?? 100} rounds`);
};
