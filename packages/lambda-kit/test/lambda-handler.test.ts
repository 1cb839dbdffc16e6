import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { describe, expect, it } from 'vitest';
import { countOutcomes, lambdaHandler } from '@modellregionen/lambda-kit';
import { lambdaContext } from '../../../test/support/lambda-context';
import { captureOutput, emfRecords, logRecords } from '../../../test/support/output';

const observability = () => ({
  logger: new Logger({ serviceName: 'kit-test', logLevel: 'INFO' }),
  metrics: new Metrics({ serviceName: 'kit-test', namespace: 'Modellregionen' }),
});

describe('lambdaHandler', () => {
  it("gives each invocation's log lines its context, and forgets what an invocation added to the logger", async () => {
    const { logger, metrics } = observability();
    const handler = lambdaHandler({ logger, metrics }, async (event: { n: number }) => {
      if (event.n === 1) logger.appendKeys({ onlyInTheFirst: true });
      logger.info('working', { n: event.n });
      metrics.addMetric('Worked', MetricUnit.Count, 1);
      return event.n;
    });
    const first = await captureOutput(() => handler({ n: 1 }, lambdaContext('kit', 'request-1')));
    const second = await captureOutput(() => handler({ n: 2 }, lambdaContext('kit', 'request-2')));
    expect(first.result).toBe(1);
    expect(logRecords(first.lines)).toEqual([
      expect.objectContaining({ message: 'working', n: 1, function_request_id: 'request-1', function_name: 'kit', onlyInTheFirst: true }),
    ]);
    expect(logRecords(second.lines)).toEqual([expect.objectContaining({ message: 'working', n: 2, function_request_id: 'request-2' })]);
    expect(logRecords(second.lines)[0]).not.toHaveProperty('onlyInTheFirst');
  });

  it('writes the metrics of every invocation as EMF, also of one that fails, and still fails it', async () => {
    const { logger, metrics } = observability();
    const handler = lambdaHandler({ logger, metrics }, async (event: { fail: boolean }) => {
      metrics.addMetric('Attempts', MetricUnit.Count, 1);
      if (event.fail) throw new Error('the store is down');
      return 'done';
    });
    const ok = await captureOutput(() => handler({ fail: false }, lambdaContext('kit')));
    const failed = await captureOutput(() => handler({ fail: true }, lambdaContext('kit')).catch((err: Error) => err.message));
    expect(ok.result).toBe('done');
    expect(failed.result).toBe('the store is down');
    for (const { lines } of [ok, failed]) {
      expect(emfRecords(lines)).toEqual([expect.objectContaining({ service: 'kit-test', Attempts: 1 })]);
    }
  });
});

describe('countOutcomes', () => {
  it("adds each batch's figures as counts, zeros included, and passes the outcome on", async () => {
    const added: [string, string, number][] = [];
    const processor = countOutcomes(
      { processMessages: async (messages) => ({ failed: messages.map((m) => m.id), applied: 0 }) },
      { addMetric: (name, unit, value) => void added.push([name, unit, value]) },
      (outcome) => ({ Applied: outcome.applied, Failed: outcome.failed.length }),
    );
    expect(await processor.processMessages([{ id: 'm-1', body: '{}' }])).toEqual({ failed: ['m-1'], applied: 0 });
    expect(added).toEqual([
      ['Applied', 'Count', 0],
      ['Failed', 'Count', 1],
    ]);
  });

  it('counts nothing for a batch that throws', async () => {
    const added: unknown[] = [];
    const processor = countOutcomes(
      {
        processMessages: async (): Promise<{ failed: string[] }> => {
          throw new Error('cannot read the subscriptions');
        },
      },
      { addMetric: (...args) => void added.push(args) },
      (outcome) => ({ Failed: outcome.failed.length }),
    );
    await expect(processor.processMessages([{ id: 'm-1', body: '{}' }])).rejects.toThrow('cannot read the subscriptions');
    expect(added).toEqual([]);
  });
});
