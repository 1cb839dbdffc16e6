import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/** API Gateway's own limit on a request body. */
const MAX_GATEWAY_BODY_BYTES = 10 * 1024 * 1024;

const TEXT_TYPES = /^(application\/(?:[\w.+-]+\+)?json|text\/|application\/x-www-form-urlencoded)/i;

/**
 * Turns a Node request into the event API Gateway (HTTP API, payload 2.0) would pass to the
 * Lambda function, so that the local server runs the deployed handler unchanged.
 */
export const toGatewayEvent = async (req: IncomingMessage, domainName: string): Promise<APIGatewayProxyEventV2 | 'too-large'> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_GATEWAY_BODY_BYTES) return 'too-large';
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  const url = new URL(req.url ?? '/', `http://${domainName}`);
  // Built with fromEntries, so that a header or parameter named __proto__ or toString is an own
  // property like any other (an assignment would set the prototype, `in` would find Object's).
  const headers: Record<string, string> = Object.fromEntries(
    Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k.toLowerCase(), Array.isArray(v) ? v.join(',') : v]])),
  );
  // Payload 2.0 joins repeated parameters with commas.
  const repeated = new Map<string, string[]>();
  for (const [k, v] of url.searchParams) repeated.set(k, [...(repeated.get(k) ?? []), v]);
  const query: Record<string, string> = Object.fromEntries([...repeated].map(([k, values]) => [k, values.join(',')]));
  // As API Gateway does: text it passes as a string, anything else (binary types, and bytes that
  // are not UTF-8 whatever the type says) base64-encoded, so that the handler sees the bytes.
  const text = TEXT_TYPES.test(headers['content-type'] ?? '') && isUtf8(body);
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: crypto.randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !text,
  };
};

export const writeGatewayResult = (res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void => {
  const body = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(body);
};

export const lambdaContext = (functionName: string): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:eu-central-1:123456789012:function:${functionName}`,
  memoryLimitInMB: '512',
  awsRequestId: crypto.randomUUID(),
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: 'local',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});
