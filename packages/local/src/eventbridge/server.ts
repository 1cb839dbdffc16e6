import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { compilePattern, InvalidEventPatternError, parseEventJson } from '@modellregionen/event-patterns';
import { type Catalogue, type EventBridgeEvent, RULES } from '@modellregionen/events';
import type { LocalBus } from '../bus';
import { ADMIN_KEY, accessKeyOf, type BusPolicy } from '../bus-policy';
import { AwsError, declaresMoreThan, parseRequestObject, readBody, requestTooLarge, sendError, sendJson } from './aws-json';
import { entriesOf, type PutEventsResultEntry, toEvent } from './put-events';
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

interface Replay {
  name: string;
  state: 'RUNNING' | 'COMPLETED' | 'FAILED';
  reason?: string;
  events: number;
  startedAt: Date;
  endedAt?: Date;
}

const REQUIRED_TEST_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'detail-type'] as const;

/**
 * An EventBridge-compatible endpoint (AWS JSON 1.1) for the local runtime: PutEvents with the bus
 * policy, the archive and delivery by the shared rules; TestEventPattern, DescribeEventBus,
 * ListRules, StartReplay and DescribeReplay; and two local operations for the dead-letter queues.
 */
export const createEventBridgeEndpoint = (options: EventBridgeEndpointOptions) => {
  const { busName, region, account, policy, bus } = options;
  const { archive, queues } = bus;
  const log = options.log ?? (() => {});
  const busArn = (name: string) => `arn:aws:events:${region}:${account}:event-bus/${name}`;
  const archiveArn = `arn:aws:events:${region}:${account}:archive/${busName}-archive`;
  const ruleArn = (name: string) => `arn:aws:events:${region}:${account}:rule/${busName}/${name}`;
  const replays = new Map<string, Replay>();
  const counters = { accepted: 0, failedEntries: 0, denied: 0 };

  const putEvents = async (principal: string, body: Record<string, unknown>) => {
    const entries = entriesOf(body);
    // The bus policy is a resource policy: one entry it does not allow denies the whole call.
    const denied = entries.find((e) => !policy.allows(principal, typeof e.Source === 'string' ? e.Source : ''));
    if (denied !== undefined) {
      counters.denied += 1;
      throw new AwsError(
        'AccessDeniedException',
        `User: arn:aws:iam::${account}:user/${principal} is not authorized to perform: events:PutEvents on resource: ${busArn(busName)} with source "${String(denied.Source)}" because no resource-based policy allows the events:PutEvents action`,
      );
    }
    const now = new Date();
    const results: PutEventsResultEntry[] = [];
    const accepted: EventBridgeEvent[] = [];
    for (const entry of entries) {
      const outcome = toEvent(entry, { account, region, now, knownBus: (n) => n === busName || n === 'default' });
      if ('error' in outcome) {
        results.push(outcome.error);
        continue;
      }
      results.push({ EventId: outcome.event.id });
      // The default bus exists, as on AWS, but has no rules: its events go nowhere.
      if (outcome.bus === busName) accepted.push(outcome.event);
      else log(`event ${outcome.event.id} was put on the default bus; the rules are on "${busName}"`);
    }
    await bus.publish(accepted);
    const failed = results.filter((r) => r.ErrorCode !== undefined).length;
    counters.accepted += accepted.length;
    counters.failedEntries += failed;
    return { FailedEntryCount: failed, Entries: results };
  };

  const testEventPattern = (body: Record<string, unknown>) => {
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
    const missing = REQUIRED_TEST_EVENT_FIELDS.filter(
      (f) => typeof event !== 'object' || event === null || !Object.hasOwn(event, f),
    );
    if (missing.length > 0) {
      throw new AwsError('ValidationException', `Parameter Event is not valid: missing ${missing.join(', ')}.`);
    }
    // Matched on the text, so a number a double cannot hold keeps its digits, as in event-ruler.
    return { Result: matcher(parseEventJson(String(body.Event))) };
  };

  const policyDocument = () => ({
    Version: '2012-10-17',
    Statement: policy
      .principals()
      .filter((p) => p !== ADMIN_KEY)
      .map((p) => ({
        Sid: `allow-${p}-own-source`,
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:user/${p}` },
        Action: 'events:PutEvents',
        Resource: busArn(busName),
        Condition: { StringEquals: { 'events:source': p === 'ministerium' ? 'ministerium' : `modellregion.${p}` } },
      })),
  });

  const describeEventBus = (body: Record<string, unknown>) => {
    const name = typeof body.Name === 'string' && body.Name !== '' ? body.Name.replace(/^.*event-bus\//, '') : 'default';
    if (name !== busName && name !== 'default') throw new AwsError('ResourceNotFoundException', `Event bus ${name} does not exist.`);
    return name === busName
      ? { Name: name, Arn: busArn(name), Policy: JSON.stringify(policyDocument()) }
      : { Name: name, Arn: busArn(name) };
  };

  const listRules = (body: Record<string, unknown>) => {
    const bus = typeof body.EventBusName === 'string' ? body.EventBusName.replace(/^.*event-bus\//, '') : 'default';
    const prefix = typeof body.NamePrefix === 'string' ? body.NamePrefix : '';
    const list = bus === busName ? RULES.filter((r) => r.name.startsWith(prefix)) : [];
    return {
      Rules: list.map((r) => ({
        Name: r.name,
        Arn: ruleArn(r.name),
        EventPattern: JSON.stringify(r.eventPattern),
        State: 'ENABLED',
        Description: r.description,
        EventBusName: busName,
      })),
    };
  };

  /** StartReplay's `Destination.FilterArns`: the rules (of this bus) to replay to; all when absent. */
  const filterRules = (destination: unknown): string[] | undefined => {
    const arns = (destination as { FilterArns?: unknown } | undefined)?.FilterArns;
    if (arns === undefined) return undefined;
    if (!Array.isArray(arns) || arns.length === 0) throw new AwsError('ValidationException', 'Destination.FilterArns must be a non-empty list of rule ARNs.');
    return arns.map((arn) => {
      const name = RULES.find((r) => ruleArn(r.name) === arn)?.name;
      if (name === undefined) {
        throw new AwsError('ValidationException', `Destination.FilterArns: ${String(arn)} is not a rule of the bus ${busName}.`);
      }
      return name;
    });
  };

  const startReplay = (body: Record<string, unknown>) => {
    const name = String(body.ReplayName ?? '');
    if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(name)) throw new AwsError('ValidationException', 'ReplayName is not valid.');
    if (replays.has(name)) throw new AwsError('ResourceAlreadyExistsException', `Replay ${name} already exists.`);
    if (body.EventSourceArn !== archiveArn) throw new AwsError('ResourceNotFoundException', `Archive ${String(body.EventSourceArn)} does not exist.`);
    const seconds = (v: unknown) => (typeof v === 'number' ? v * 1000 : typeof v === 'string' ? Date.parse(v) : NaN);
    const from = seconds(body.EventStartTime);
    const to = seconds(body.EventEndTime);
    if (Number.isNaN(from) || Number.isNaN(to) || from >= to) {
      throw new AwsError('ValidationException', 'EventStartTime must be before EventEndTime.');
    }
    const destination = body.Destination as { Arn?: unknown } | undefined;
    if (destination?.Arn !== busArn(busName)) {
      throw new AwsError('ValidationException', `Destination.Arn must be the archive's bus ${busArn(busName)}.`);
    }
    const rules = filterRules(body.Destination);
    const replay: Replay = { name, state: 'RUNNING', events: 0, startedAt: new Date() };
    replays.set(name, replay);
    void (async () => {
      try {
        replay.events = await bus.replay({ name, from, to, ...(rules ? { rules } : {}) });
        await bus.settled();
        replay.state = 'COMPLETED';
      } catch (err) {
        replay.state = 'FAILED';
        replay.reason = String(err);
      }
      replay.endedAt = new Date();
    })();
    return {
      ReplayArn: `arn:aws:events:${region}:${account}:replay/${name}`,
      State: 'STARTING',
      ReplayStartTime: replay.startedAt.getTime() / 1000,
    };
  };

  const describeReplay = (body: Record<string, unknown>) => {
    const replay = replays.get(String(body.ReplayName ?? ''));
    if (replay === undefined) throw new AwsError('ResourceNotFoundException', `Replay ${String(body.ReplayName)} does not exist.`);
    return {
      ReplayName: replay.name,
      ReplayArn: `arn:aws:events:${region}:${account}:replay/${replay.name}`,
      State: replay.state,
      ...(replay.reason ? { StateReason: replay.reason } : {}),
      EventSourceArn: archiveArn,
      Destination: { Arn: busArn(busName) },
      ReplayStartTime: replay.startedAt.getTime() / 1000,
      ...(replay.endedAt ? { ReplayEndTime: replay.endedAt.getTime() / 1000 } : {}),
      EventsReplayed: replay.events,
    };
  };

  const requireAdmin = (principal: string) => {
    if (principal !== ADMIN_KEY) throw new AwsError('AccessDeniedException', `Only ${ADMIN_KEY} may manage dead-letter queues.`);
  };

  const status = () => ({
    Bus: busName,
    Archive: { Arn: archiveArn, Events: archive.size },
    Counters: { ...counters },
    Queues: bus.stats(),
  });

  type Operation = (principal: string, body: Record<string, unknown>) => unknown;
  // A Map, not an object indexed by the header: `X-Amz-Target: constructor` names no operation.
  const operations = new Map<string, Operation>(Object.entries({
    'AWSEvents.PutEvents': putEvents,
    'AWSEvents.TestEventPattern': (_p, b) => testEventPattern(b),
    'AWSEvents.DescribeEventBus': (_p, b) => describeEventBus(b),
    'AWSEvents.ListRules': (_p, b) => listRules(b),
    'AWSEvents.StartReplay': (p, b) => (requireAdmin(p), startReplay(b)),
    'AWSEvents.DescribeReplay': (_p, b) => describeReplay(b),
    'ModellregionenLocal.Status': () => status(),
    'ModellregionenLocal.ListDeadLetters': (p) => {
      requireAdmin(p);
      return {
        DeadLetters: [...queues].flatMap(([target, q]) =>
          q.deadLetters().map((d) => ({
            Target: target,
            MessageId: d.id,
            EventId: d.event.id,
            Source: d.event.source,
            DetailType: d.event['detail-type'],
            ReceiveCount: d.receiveCount,
            LastError: d.lastError,
            DeadAt: d.deadAt,
          })),
        ),
      };
    },
    'ModellregionenLocal.RedriveDeadLetters': async (p, b) => {
      requireAdmin(p);
      const ids = Array.isArray(b.MessageIds) ? b.MessageIds.map(String) : undefined;
      let moved = 0;
      for (const q of queues.values()) moved += await q.redrive(ids);
      return { Redriven: moved };
    },
  } satisfies Record<string, Operation>));

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
        log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
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

  return { server, archiveArn, busArn: busArn(busName), ruleArn, counters };
};
export type EventBridgeEndpoint = ReturnType<typeof createEventBridgeEndpoint>;
