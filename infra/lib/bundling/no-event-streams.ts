// Stands in for @smithy/core/event-streams in the function bundles (SDK_STAND_INS in lambda-bundles.ts).
// The SDK imports it only for operations that stream events; the functions call none (DynamoDB,
// SQS and EventBridge requests and responses are plain JSON), so a call that reached it is a bug.
const unsupported = (): never => {
  throw new Error('The function bundles leave out event-stream support: none of the operations they call streams events.');
};

/** @public (esbuild substitutes this module for the SDK's, see SDK_STAND_INS in lambda-bundles.ts) */
export class EventStreamSerde {
  constructor() {
    unsupported();
  }
}

/** @public (esbuild substitutes this module for the SDK's, see SDK_STAND_INS in lambda-bundles.ts) */
export const eventStreamSerdeProvider = unsupported;
