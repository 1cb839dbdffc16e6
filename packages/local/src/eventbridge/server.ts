import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Catalogue } from '@modellregionen/events';
import type { LocalBus } from '../bus';
import { accessKeyOf, type BusPolicy } from '../bus-policy';
import { AwsError, declaresMoreThan, parseRequestObject, readBody, requestTooLarge, sendError, sendJson } from './aws-json';
import type { EndpointContext, Operation } from './operations/context';
import { describeOperations } from './operations/describe';
import { localOperations } from './operations/local';
import { putEventsOperation } from './operations/put-events';
import { replayOperations } from './operations/replays';
import { testEventPatternOperation } from './operations/test-event-pattern';
import { checkRequestShape } from './request-shapes';

export interface EventBridgeEndpointOptions {
  readonly busName: string;
  readonly region: string;
  readonly account: string;
  readonly catalogue: Catalogue;
  readonly policy: BusPolicy;
  /** The archive and the targets' queues. */
  readonly bus: LocalBus;
  readonly log?: (line: string) => void;
}

/**
 * An EventBridge-compatible endpoint (AWS JSON 1.1) for the local runtime: PutEvents with the bus
 * policy, the archive and delivery by the shared rules; TestEventPattern, DescribeEventBus,
 * ListRules, StartReplay and DescribeReplay; and the local operations for status and dead letters.
 * Each operation lives in `operations/`; this file reads requests and dispatches them.
 */
export const createEventBridgeEndpoint = (options: EventBridgeEndpointOptions) => {
  const { busName, region, account } = options;
  const prefix = `arn:aws:events:${region}:${account}`;
  const context: EndpointContext = {
    busName,
    region,
    account,
    policy: options.policy,
    bus: options.bus,
    log: options.log ?? (() => {}),
    arns: {
      bus: (name) => `${prefix}:event-bus/${name}`,
      archive: `${prefix}:archive/${busName}-archive`,
      rule: (name) => `${prefix}:rule/${busName}/${name}`,
      replay: (name) => `${prefix}:replay/${name}`,
    },
    counters: { accepted: 0, failedEntries: 0, denied: 0 },
  };
  // A Map, not an object indexed by the header: `X-Amz-Target: constructor` names no operation.
  const operations = new Map<string, Operation>(
    [putEventsOperation, testEventPatternOperation, describeOperations, replayOperations, localOperations].flatMap((group) => Object.entries(group(context))),
  );

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      // The whole body first, even for a call refused anyway: a client still sending when the
      // answer comes would read a reset instead.
      const text = await readBody(req);
      if (req.method !== 'POST') throw new AwsError('UnknownOperationException', 'Only POST is supported.', 404);
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = operations.get(target);
      if (operation === undefined) throw new AwsError('UnknownOperationException', `Unknown operation ${target || '(none)'}.`);
      const principal = accessKeyOf(req.headers.authorization);
      if (principal === undefined) throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
      const body = parseRequestObject(text);
      checkRequestShape(target, body);
      sendJson(res, 200, await operation(principal, body));
    } catch (err) {
      if (err instanceof AwsError) sendError(res, err);
      else {
        context.log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        sendError(res, new AwsError('InternalException', 'The local bus could not process the request.', 500));
      }
    }
  };

  const server: Server = createServer((req, res) => void handle(req, res));
  // A client that waits for "100 Continue" (curl does above 1 MiB) can be told before it sends.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (declaresMoreThan(req)) return sendError(res, requestTooLarge());
    res.writeContinue();
    void handle(req, res);
  });

  return { server, archiveArn: context.arns.archive, busArn: context.arns.bus(busName), ruleArn: context.arns.rule, counters: context.counters };
};
