import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { silentLogger, type StructuredLogger } from '@modellregionen/lambda-kit';
import { captureOutput } from '../../../test/support/output';

describe('the logger port', () => {
  it("is Powertools' Logger as it is: assigned without an adapter, its lines carry the attributes", async () => {
    // The type test: this assignment compiles only while the port's methods take what Logger's take.
    const logger: StructuredLogger = new Logger({ serviceName: 'port-test', logLevel: 'INFO' });
    const { lines } = await captureOutput(async () => {
      logger.info('batch processed', { applied: 3 });
      logger.warn('report rejected', { eventId: 'e-1' }, { regionId: 'wetzlar' });
      logger.error('recomputing the view failed');
    });
    expect(lines).toMatchObject([
      { level: 'INFO', message: 'batch processed', service: 'port-test', applied: 3 },
      { level: 'WARN', message: 'report rejected', eventId: 'e-1', regionId: 'wetzlar' },
      { level: 'ERROR', message: 'recomputing the view failed' },
    ]);
  });

  it('has a silent implementation for tests and callers that do not log', async () => {
    const { lines } = await captureOutput(async () => silentLogger.error('nothing to see', { a: 1 }));
    expect(lines).toEqual([]);
  });
});
