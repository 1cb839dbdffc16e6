/**
 * What a service answered with an error status: `name` is the error code AWS gives
 * (`ConditionalCheckFailedException`, `ThrottlingException`, ...), as in the AWS SDK, so that code
 * written against either tells errors apart the same way.
 */
export class AwsServiceError extends Error {
  /** The answer's other fields (a failed condition's `Item`, for instance), as sent. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number,
    readonly requestId: string | undefined,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
    this.details = details;
  }
}

/** The service could not be reached or did not answer in time: nothing is known of the call's effect. */
export class AwsTransportError extends Error {
  /** The operating system's code of a network fault (`ECONNREFUSED`, `ECONNRESET`, ...), if any. */
  readonly code: string | undefined;

  constructor(kind: 'TimeoutError' | 'NetworkError', message: string, options: { cause?: unknown; code?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = kind;
    this.code = options.code;
  }
}

/** The call cannot be made at all: no region, no credentials, a malformed endpoint. */
export class AwsConfigurationError extends Error {
  override readonly name = 'AwsConfigurationError';
}
