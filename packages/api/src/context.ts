import type { Catalogue, DetailType, Validator } from '@modellregionen/events';
import type { ReportStore, SubscriptionStore } from '@modellregionen/store';
import type { CallbackPolicy } from './callback-policy';
import type { OpenApiDocument } from './schemas/openapi-document';
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
  /**
   * GET /v1/openapi.json for this server URL, when the document was built ahead of time (the
   * Lambda functions, which then carry no generator); without it the document is generated from
   * the routes and the catalogue.
   */
  readonly openApiDocument?: (serverUrl: string) => OpenApiDocument;
}
