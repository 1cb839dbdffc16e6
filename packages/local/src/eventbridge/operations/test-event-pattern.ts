import { compilePattern, InvalidEventPatternError, parseEventJson } from '@modellregionen/event-patterns';
import { AwsError } from '../aws-json';
import type { Operations } from './context';

const REQUIRED_TEST_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'detail-type'] as const;

/** TestEventPattern, with the same matcher that routes the bus's events. */
export const testEventPatternOperation = (): Operations => ({
  'AWSEvents.TestEventPattern': (_principal, body) => {
    let matcher: (event: unknown) => boolean;
    try {
      matcher = compilePattern(body.EventPattern);
    } catch (err) {
      if (err instanceof InvalidEventPatternError) throw new AwsError('InvalidEventPatternException', err.message);
      throw err;
    }
    let event: unknown;
    try {
      event = JSON.parse(String(body.Event));
    } catch {
      throw new AwsError('ValidationException', 'Parameter Event is not valid.');
    }
    const missing = REQUIRED_TEST_EVENT_FIELDS.filter((f) => typeof event !== 'object' || event === null || !Object.hasOwn(event, f));
    if (missing.length > 0) {
      throw new AwsError('ValidationException', `Parameter Event is not valid: missing ${missing.join(', ')}.`);
    }
    // Matched on the text, so a number a double cannot hold keeps its digits, as in event-ruler.
    return { Result: matcher(parseEventJson(String(body.Event))) };
  },
});
