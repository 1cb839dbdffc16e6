import { AwsConfigurationError } from './errors';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** A service spoken to in one of the AWS JSON protocols. */
export interface JsonService {
  /** The endpoint prefix and signing name (`dynamodb`, `events`, `sqs`). */
  readonly signingName: string;
  /** The name in `AWS_ENDPOINT_URL_<NAME>`, as the AWS SDKs and CLI read it (`DYNAMODB`, `EVENTBRIDGE`, `SQS`). */
  readonly endpointVariable: string;
  /** `X-Amz-Target` is `<targetPrefix>.<Operation>`. */
  readonly targetPrefix: string;
  readonly jsonVersion: '1.0' | '1.1';
}

export const SERVICES = {
  dynamodb: { signingName: 'dynamodb', endpointVariable: 'DYNAMODB', targetPrefix: 'DynamoDB_20120810', jsonVersion: '1.0' },
  eventbridge: { signingName: 'events', endpointVariable: 'EVENTBRIDGE', targetPrefix: 'AWSEvents', jsonVersion: '1.1' },
  sqs: { signingName: 'sqs', endpointVariable: 'SQS', targetPrefix: 'AmazonSQS', jsonVersion: '1.0' },
} as const satisfies Record<string, JsonService>;

export interface ClientLocation {
  /** Defaults to `AWS_REGION`, then `AWS_DEFAULT_REGION`. */
  readonly region?: string;
  /** Defaults to `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, then the service's regional endpoint. */
  readonly endpoint?: string;
  /**
   * Defaults to `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`: how Lambda
   * gives a function its role's credentials.
   */
  readonly credentials?: Credentials;
}

type Env = Readonly<Record<string, string | undefined>>;

export const resolveRegion = (location: ClientLocation, env: Env = process.env): string => {
  const region = location.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (region === undefined || region === '') throw new AwsConfigurationError('no AWS region: set AWS_REGION or pass a region');
  return region;
};

export const resolveEndpoint = (service: JsonService, region: string, location: ClientLocation, env: Env = process.env): URL => {
  const configured = location.endpoint ?? env[`AWS_ENDPOINT_URL_${service.endpointVariable}`] ?? env.AWS_ENDPOINT_URL;
  const endpoint = configured ?? `https://${service.signingName}.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
  try {
    return new URL(endpoint);
  } catch {
    throw new AwsConfigurationError(`the endpoint of ${service.signingName} is not a URL: ${endpoint}`);
  }
};

export const resolveCredentials = (location: ClientLocation, env: Env = process.env): Credentials => {
  if (location.credentials) return location.credentials;
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (!accessKeyId || !secretAccessKey) {
    throw new AwsConfigurationError('no AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set (Lambda sets them from the function’s role)');
  }
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
};
