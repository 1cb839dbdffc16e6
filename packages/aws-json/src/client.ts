import { type ClientLocation, type Credentials, type JsonService, resolveCredentials, resolveEndpoint, resolveRegion } from './config';
import { AwsServiceError } from './errors';
import { type CallLimits, type HttpAnswer, post } from './http';
import { backoffMs, isRetryable } from './retry';
import { signedHeaders } from './sigv4';

export interface AwsJsonClientOptions extends ClientLocation {
  readonly service: JsonService;
  readonly limits: CallLimits;
  /** Waits between attempts; injectable for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Calls of one service's operations, each a JSON document in and out. */
export interface AwsJsonClient {
  /** The operation's answer, or an `AwsServiceError` / `AwsTransportError` after the last attempt. */
  call(operation: string, input: unknown): Promise<Record<string, unknown>>;
}

const parseJson = (text: string): Record<string, unknown> => {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** The error an answer with an error status stands for; its code as the AWS SDKs read it. */
const serviceError = (answer: HttpAnswer, signingName: string, operation: string): AwsServiceError => {
  const body = parseJson(answer.body);
  // Node joins a repeated header into one string (only set-cookie stays a list).
  const header = answer.headers['x-amzn-errortype'] as string | undefined;
  const raw = header ?? body.__type ?? body.code ?? body.Code;
  // `aws.protocoltests#Code`, `Code:http://internal.amazon.com/...`: the code is the part between.
  const code = typeof raw === 'string' && raw !== '' ? raw.split(':')[0]!.split('#').pop()! : `Http${answer.statusCode}`;
  const message = body.message ?? body.Message ?? body.errorMessage;
  const requestId = answer.headers['x-amzn-requestid'] as string | undefined;
  const { __type: _type, message: _message, Message: _Message, ...details } = body;
  return new AwsServiceError(
    code,
    typeof message === 'string' ? message : `${signingName} ${operation} failed with HTTP ${answer.statusCode}`,
    answer.statusCode,
    requestId,
    details,
  );
};

/**
 * A client of a service that speaks one of the AWS JSON protocols (DynamoDB, EventBridge, SQS): each
 * call a signed POST (Signature Version 4), each attempt bounded by
 * `limits`, retryable faults tried again after a jittered exponential backoff, as the SDK does. It
 * is what the functions' bundles carry instead of the SDK's clients (see docs/bundles.md).
 * Region, endpoint and credentials are read at the first call.
 */
export const createAwsJsonClient = (options: AwsJsonClientOptions): AwsJsonClient => {
  const { service, limits } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let resolved: { url: URL; region: string; credentials: Credentials } | undefined;
  const setup = () => {
    if (resolved === undefined) {
      const region = resolveRegion(options);
      resolved = { url: resolveEndpoint(service, region, options), region, credentials: resolveCredentials(options) };
    }
    return resolved;
  };
  const contentType = `application/x-amz-json-${service.jsonVersion}`;

  const attempt = async (operation: string, body: string): Promise<Record<string, unknown>> => {
    const { url, region, credentials } = setup();
    const headers = signedHeaders({
      method: 'POST',
      url,
      headers: { 'content-type': contentType, 'x-amz-target': `${service.targetPrefix}.${operation}` },
      body,
      service: service.signingName,
      region,
      credentials,
      now: new Date(),
    });
    const answer = await post(url, { ...headers, 'content-length': String(Buffer.byteLength(body)) }, body, limits);
    // Node hands over final answers only (no 1xx): anything but 2xx is an error.
    if (answer.statusCode >= 300) throw serviceError(answer, service.signingName, operation);
    return parseJson(answer.body);
  };

  return {
    async call(operation, input) {
      const body = JSON.stringify(input);
      for (let n = 1; ; n += 1) {
        try {
          return await attempt(operation, body);
        } catch (err) {
          if (n >= limits.maxAttempts || !isRetryable(err)) throw err;
          await sleep(backoffMs(n, err));
        }
      }
    },
  };
};
