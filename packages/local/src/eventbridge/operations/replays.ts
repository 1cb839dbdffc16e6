import { RULES } from '@modellregionen/events';
import { AwsError } from '../aws-json';
import { requireAdmin } from './admin';
import type { EndpointContext, Operations } from './context';

interface Replay {
  name: string;
  state: 'RUNNING' | 'COMPLETED' | 'FAILED';
  reason?: string;
  events: number;
  startedAt: Date;
  endedAt?: Date;
}

const epochMsOf = (v: unknown) => (typeof v === 'number' ? v * 1000 : typeof v === 'string' ? Date.parse(v) : Number.NaN);

/** StartReplay and DescribeReplay over the bus archive. */
export const replayOperations = ({ busName, bus, arns }: EndpointContext): Operations => {
  const replays = new Map<string, Replay>();

  /** `Destination.FilterArns`: the rules (of this bus) to replay to; every rule when absent. */
  const filterRules = (destination: unknown): string[] | undefined => {
    const filter = (destination as { FilterArns?: unknown } | undefined)?.FilterArns;
    if (filter === undefined || filter === null) return undefined;
    if (!Array.isArray(filter) || filter.length === 0)
      throw new AwsError('ValidationException', 'Destination.FilterArns must be a non-empty list of rule ARNs.');
    return filter.map((arn) => {
      const name = RULES.find((r) => arns.rule(r.name) === arn)?.name;
      if (name === undefined) throw new AwsError('ValidationException', `Destination.FilterArns: ${String(arn)} is not a rule of the bus ${busName}.`);
      return name;
    });
  };

  return {
    'AWSEvents.StartReplay': (principal, body) => {
      requireAdmin(principal, 'start replays');
      const name = String(body.ReplayName ?? '');
      if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(name)) throw new AwsError('ValidationException', 'ReplayName is not valid.');
      if (replays.has(name)) throw new AwsError('ResourceAlreadyExistsException', `Replay ${name} already exists.`);
      if (body.EventSourceArn !== arns.archive) throw new AwsError('ResourceNotFoundException', `Archive ${String(body.EventSourceArn)} does not exist.`);
      const from = epochMsOf(body.EventStartTime);
      const to = epochMsOf(body.EventEndTime);
      if (Number.isNaN(from) || Number.isNaN(to) || from >= to) throw new AwsError('ValidationException', 'EventStartTime must be before EventEndTime.');
      const destination = body.Destination as { Arn?: unknown } | undefined;
      if (destination?.Arn !== arns.bus(busName)) {
        throw new AwsError('ValidationException', `Destination.Arn must be the archive's bus ${arns.bus(busName)}.`);
      }
      const rules = filterRules(destination);
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
      return { ReplayArn: arns.replay(name), State: 'STARTING', ReplayStartTime: replay.startedAt.getTime() / 1000 };
    },
    'AWSEvents.DescribeReplay': (_principal, body) => {
      const replay = replays.get(String(body.ReplayName ?? ''));
      if (replay === undefined) throw new AwsError('ResourceNotFoundException', `Replay ${String(body.ReplayName)} does not exist.`);
      return {
        ReplayName: replay.name,
        ReplayArn: arns.replay(replay.name),
        State: replay.state,
        ...(replay.reason ? { StateReason: replay.reason } : {}),
        EventSourceArn: arns.archive,
        Destination: { Arn: arns.bus(busName) },
        ReplayStartTime: replay.startedAt.getTime() / 1000,
        ...(replay.endedAt ? { ReplayEndTime: replay.endedAt.getTime() / 1000 } : {}),
        EventsReplayed: replay.events,
      };
    },
  };
};
