import type { LocalBus } from '../../bus';
import type { BusPolicy } from '../../bus-policy';

/** What every operation of the endpoint may use: the bus, its names and its counters. */
export interface EndpointContext {
  readonly busName: string;
  readonly region: string;
  readonly account: string;
  readonly policy: BusPolicy;
  readonly bus: LocalBus;
  readonly log: (line: string) => void;
  readonly arns: {
    readonly bus: (name: string) => string;
    readonly archive: string;
    readonly rule: (name: string) => string;
    readonly replay: (name: string) => string;
  };
  readonly counters: { accepted: number; failedEntries: number; denied: number };
}

/** One operation: the caller's access key id and the request body, to the answer. */
export type Operation = (principal: string, body: Record<string, unknown>) => unknown;

/** Operations by their `X-Amz-Target`. */
export type Operations = Readonly<Record<string, Operation>>;
