import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Catalogue, DetailType, Validator } from '@modellregionen/events';
import type { ReportStore, SubscriptionStore } from '@modellregionen/store';
import type { CallbackPolicy } from './handlers/subscriptions';
import type { Principal } from './principal';
import type { TokenVerifier } from './token-verifier';

/** What the API needs from the world; the Lambda handlers and the local server each wire it. */
export interface ApiDeps {
  readonly catalogue: Catalogue;
  readonly validator: Validator;
  readonly store: ReportStore;
  readonly subscriptions: SubscriptionStore;
  /** Where webhook callbacks may point. */
  readonly callbackPolicy: CallbackPolicy;
  readonly verifier: TokenVerifier;
  /** Puts a region's report on the bus with the region's `Source`; resolves with the event id. */
  readonly publishReport: (input: { regionId: string; detailType: DetailType; detail: Record<string, unknown> }) => Promise<string>;
  readonly now: () => Date;
  readonly log: (message: string, error?: unknown) => void;
}

export interface RouteContext {
  readonly deps: ApiDeps;
  readonly principal: Principal | undefined;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly event: APIGatewayProxyEventV2;
}

export interface RouteResult {
  readonly status: number;
  readonly body: unknown;
  /** Defaults to application/json; a string body is sent as it is. */
  readonly contentType?: string;
}

export const json = (body: unknown, status = 200): RouteResult => ({ status, body });
