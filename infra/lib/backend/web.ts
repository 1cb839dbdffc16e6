import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Arn, ArnFormat, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { SPA_ROUTING_FUNCTION } from './spa-routing';
import { SIGN_IN_CALLBACK_PATH, SIGNED_OUT_PATH, type UserDirectory, WEB_APP_SCOPES } from './users';
import { webResponseHeaders } from './web-headers';

/** A domain of the organisation's own for the app, instead of CloudFront's `d….cloudfront.net`. */
export interface WebAppCustomDomain {
  /** Host names (`berichte.example.de`); the first is the address config.json names. */
  readonly domainNames: readonly string[];
  /** ARN of their certificate, in ACM in us-east-1 (CloudFront takes certificates from there only). */
  readonly certificateArn: string;
}

export interface WebAppProps {
  /**
   * The built app: packages/web/dist with index.html and assets/ (`ensureWebBuilt()` of
   * @modellregionen/web/build builds it; `npx cdk synth` calls it first).
   */
  readonly appDir: string;
  /** The users: the hosted sign-in's domain goes into config.json and the CSP; the app's client is added to the pool. */
  readonly users: UserDirectory;
  /**
   * Serve the app under a domain of its own, with TLS 1.2 at least.
   * @default CloudFront's domain, with CloudFront's certificate
   */
  readonly customDomain?: WebAppCustomDomain;
  /**
   * Further addresses (`https://host`, or `http://localhost:<port>` to try the hosted sign-in
   * against `npm start`) that may receive the sign-in's code and the sign-out: they become
   * callback and sign-out URLs of the app client. config.json names the app's first address only.
   * @default none
   */
  readonly additionalAppUrls?: readonly string[];
  /**
   * ARN of an AWS WAF web ACL (scope CLOUDFRONT, created in us-east-1) in front of the distribution.
   * @default none
   */
  readonly webAclArn?: string;
  /**
   * What happens to the app's bucket and the log bucket when they leave the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** `https://host` or `http://localhost[:port]`, without a path: Cognito takes http for localhost only. */
const appUrlPattern = /^(https:\/\/[a-z0-9.-]+(:\d+)?|http:\/\/localhost(:\d+)?)$/;

/**
 * The web app on AWS: its files in a private bucket (no website hosting; CloudFront reads it with
 * origin access control), a CloudFront distribution that serves them with a strict CSP and HSTS
 * and routes `/v1/*` to the HTTP API on the same origin (no CORS), the app's Cognito client, and
 * the app's `config.json` naming the hosted sign-in. Call `serveApi` once the API exists: the API's
 * authorizer must know the app's client, which needs the distribution's address.
 */
export class WebApp extends Construct {
  readonly bucket: s3.Bucket;
  /** Server access logs of the bucket and the distribution's standard logs. */
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly responseHeaders: cloudfront.ResponseHeadersPolicy;
  /** The app's Cognito client (code grant with PKCE, no secret). */
  readonly client: cognito.UserPoolClient;
  /** Where users open the app: `https://<custom domain or CloudFront domain>`. */
  readonly url: string;
  /** The deployments that upload the app's files: the hashed assets, and the pages with config.json. */
  readonly deployments: readonly s3deploy.BucketDeployment[];
  /** Whether a WAF web ACL is attached (cdk-nag CFR2). */
  readonly hasWebAcl: boolean;
  /** Whether the app has a domain and certificate of its own, and so a TLS 1.2 minimum (cdk-nag CFR4). */
  readonly hasCustomDomain: boolean;

  constructor(scope: Construct, id: string, props: WebAppProps) {
    super(scope, id);
    if (!existsSync(join(props.appDir, 'index.html'))) {
      throw new Error(
        `the web app is not built: ${join(props.appDir, 'index.html')} is missing. ` +
          '`npx cdk synth` builds it; elsewhere call ensureWebBuilt() of @modellregionen/web/build first',
      );
    }
    for (const url of props.additionalAppUrls ?? []) {
      if (!appUrlPattern.test(url)) throw new Error(`additionalAppUrls: "${url}" must be https://host or http://localhost[:port], without a path`);
    }
    const certificateArn = props.customDomain?.certificateArn;
    if (props.customDomain && props.customDomain.domainNames.length === 0) throw new Error('customDomain needs at least one domain name');
    if (
      certificateArn !== undefined &&
      !Token.isUnresolved(certificateArn) &&
      Arn.split(certificateArn, ArnFormat.SLASH_RESOURCE_NAME).region !== 'us-east-1'
    ) {
      throw new Error(`customDomain: the certificate must be in us-east-1 for CloudFront, not ${certificateArn}`);
    }
    this.hasWebAcl = props.webAclArn !== undefined;
    this.hasCustomDomain = props.customDomain !== undefined;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const destroy = removalPolicy === RemovalPolicy.DESTROY;

    this.logBucket = new s3.Bucket(this, 'Logs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are written through the bucket's ACL.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy,
      autoDeleteObjects: destroy,
    });
    this.bucket = new s3.Bucket(this, 'App', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'app-bucket/',
      removalPolicy,
      autoDeleteObjects: destroy,
    });

    const { users } = props;
    // The token endpoint on the hosted UI's domain, and the pool's discovery document (its path, and below).
    const cognitoEndpoints = [users.domain.baseUrl(), `${users.issuerUrl}/`];
    this.responseHeaders = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Modellregionen web app: CSP, HSTS, nosniff, no framing, no referrer',
      ...webResponseHeaders(cognitoEndpoints),
    });

    const domainNames = props.customDomain?.domainNames ?? [];
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Modellregionen web app, and /v1 to the HTTP API',
      // The routing function sends / to index.html already; this keeps a bare / from ever listing the bucket.
      defaultRootObject: 'index.html',
      defaultBehavior: {
        // READ and LIST: a missing file is a 404, not S3's 403 for an object one may not list.
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket, {
          originAccessLevels: [cloudfront.AccessLevel.READ, cloudfront.AccessLevel.LIST],
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: this.responseHeaders,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'SpaRouting', {
              code: cloudfront.FunctionCode.fromInline(SPA_ROUTING_FUNCTION),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
              comment: "The app's routes answer /index.html; files and /v1 keep their path",
            }),
          },
        ],
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Europe and North America: the users are in Hesse.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      // With a certificate of its own only: CloudFront's default one has its TLSv1 policy fixed.
      ...(certificateArn === undefined
        ? {}
        : {
            domainNames: [...domainNames],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', certificateArn),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }),
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
    });

    Annotations.of(this.distribution).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      'The distribution has index.html as default root object, and the routing function sends every path ending in / to it: a bare / never lists the bucket.',
    );

    const cloudFrontUrl = `https://${this.distribution.distributionDomainName}`;
    const ownUrls = [...domainNames.map((name) => `https://${name}`), cloudFrontUrl];
    this.url = ownUrls[0]!;
    this.client = users.addWebAppClient([...ownUrls, ...(props.additionalAppUrls ?? [])]);

    // Hashed files never change: cached for a year, and kept when a new build deploys, so a tab
    // still showing the previous build can load its remaining screens.
    const assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'assets/',
      sources: [s3deploy.Source.asset(join(props.appDir, 'assets'))],
      prune: false,
      cacheControl: [s3deploy.CacheControl.setPublic(), s3deploy.CacheControl.maxAge(Duration.days(365)), s3deploy.CacheControl.immutable()],
    });
    // index.html, config.json and the rest are revalidated on every load, so a deployment shows at
    // the next one without invalidating CloudFront's cache (and without the deployment function
    // needing cloudfront:CreateInvalidation on every distribution).
    const pages = new s3deploy.BucketDeployment(this, 'DeployPages', {
      destinationBucket: this.bucket,
      sources: [
        // Build bookkeeping (.source-hash, .vite/) stays out of the bucket.
        s3deploy.Source.asset(props.appDir, { exclude: ['.*', 'assets'] }),
        s3deploy.Source.jsonData('config.json', {
          auth: 'cognito',
          authority: users.issuerUrl,
          clientId: this.client.userPoolClientId,
          redirectUri: `${this.url}${SIGN_IN_CALLBACK_PATH}`,
          cognitoDomain: users.domain.baseUrl(),
          postLogoutRedirectUri: `${this.url}${SIGNED_OUT_PATH}`,
          scope: WEB_APP_SCOPES.map((s) => s.scopeName).join(' '),
        }),
      ],
      // Pruning removes what the previous build had and this one has not, but not the assets.
      exclude: ['assets/*'],
      cacheControl: [s3deploy.CacheControl.noCache()],
    });
    // A new index.html goes live only once the files it names are there.
    pages.node.addDependency(assets);
    this.deployments = [assets, pages];
  }

  /** Routes `/v1/*` to the HTTP API: all methods, nothing cached, the caller's Authorization and query string forwarded. */
  serveApi(api: apigw.IHttpApi): void {
    const stack = Stack.of(this);
    const origin = new origins.HttpOrigin(`${api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    });
    this.distribution.addBehavior('/v1/*', origin, {
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      // Every viewer header but Host (API Gateway routes by its own host name). With caching
      // disabled, this managed policy forwards Authorization, which an origin request policy of
      // one's own may not name.
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.responseHeaders,
      compress: false,
    });
  }
}
