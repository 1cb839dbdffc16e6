import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { BatchFailures, BatchProcessor } from './inbound-message';

/** Where counts go: Powertools' Metrics, or a recorder in tests. */
interface Counter {
  addMetric(name: string, unit: typeof MetricUnit.Count, value: number): unknown;
}

/**
 * Counts each batch's figures as metrics (unit Count). Zeros are counted too, so that a quiet
 * hour reads 0 on a graph or an alarm, not missing data. A batch that throws counts nothing
 * (the function's Errors metric counts it).
 */
export const countOutcomes = <Outcome extends BatchFailures>(
  processor: BatchProcessor<Outcome>,
  metrics: Counter,
  figures: (outcome: Outcome) => Readonly<Record<string, number>>,
): BatchProcessor<Outcome> => ({
  async processMessages(messages) {
    const outcome = await processor.processMessages(messages);
    for (const [name, value] of Object.entries(figures(outcome))) metrics.addMetric(name, MetricUnit.Count, value);
    return outcome;
  },
});
