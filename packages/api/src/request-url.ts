import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** Where the request was sent (scheme and host), for links back to the API. */
export const baseUrlOf = (event: APIGatewayProxyEventV2): string => {
  const proto = event.headers?.['x-forwarded-proto'] ?? 'https';
  return `${proto}://${event.requestContext.domainName}`;
};
