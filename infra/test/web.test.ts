// The web app on AWS, read back from the synthesized template: a private bucket behind CloudFront
// with origin access control, `/v1/*` to the HTTP API on the same origin, the security headers
// the local server sends (plus HSTS and the hosted sign-in in connect-src), and the app's Cognito
// client with the authorization-code grant for a public client (PKCE).
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { beforeAll, describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { WEB_SECURITY_HEADERS } from '@modellregionen/web/serving';
import { WEB_DIST, WEB_ROOT } from '@modellregionen/web/build';
import { UserDirectory } from '../lib/backend/users';
import { WebApp } from '../lib/backend/web';
import type { ModellregionenStack } from '../lib/stack';
import { logicalIdOf, type Resources, synthesizeStack } from './support';

let template: Template;
let resources: Resources;
let stack: ModellregionenStack;
let assemblyDir: string;
beforeAll(() => {
  const synthesized = synthesizeStack();
  ({ template, stack } = synthesized);
  assemblyDir = synthesized.assembly.directory;
  resources = template.toJSON().Resources as Resources;
}, 120_000);

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const only = (type: string) => {
  const found = ofType(type);
  expect(found, type).toHaveLength(1);
  return { id: found[0]![0], props: found[0]![1].Properties! };
};
const ids = () => {
  const { web, userPool } = stack.backend;
  return {
    bucket: logicalIdOf(web.bucket),
    logBucket: logicalIdOf(web.logBucket),
    distribution: logicalIdOf(web.distribution),
    webClient: logicalIdOf(web.client),
    api: logicalIdOf(stack.backend.api),
    userPool: logicalIdOf(userPool),
  };
};
const distributionConfig = () => resources[ids().distribution]!.Properties!.DistributionConfig as Record<string, unknown>;
const cloudFrontDomain = () => ({ 'Fn::GetAtt': [ids().distribution, 'DomainName'] });

describe("the app's bucket", () => {
  it('is private, encrypted, without website hosting, and logs access', () => {
    expect(resources[ids().bucket]!.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: ids().logBucket } },
    });
    expect(resources[ids().bucket]!.Properties!.WebsiteConfiguration).toBeUndefined();
  });

  it('refuses requests without TLS, and lets only this distribution read it (origin access control)', () => {
    const policy = ofType('AWS::S3::BucketPolicy').find(([, p]) => JSON.stringify(p.Properties!.Bucket) === JSON.stringify({ Ref: ids().bucket }))!;
    const statements = (policy[1].Properties!.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    const allows = statements.filter((s) => s.Effect === 'Allow');
    // The deployment's own grants are on its role; the bucket policy allows CloudFront only.
    expect(allows.length).toBeGreaterThan(0);
    for (const s of allows) {
      expect(s).toMatchObject({
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
      });
      expect(JSON.stringify(s.Condition)).toContain(ids().distribution);
    }
    // Read and list: a missing file is a 404 rather than S3's 403.
    expect(allows.flatMap((s) => [s.Action].flat()).sort()).toEqual(['s3:GetObject', 's3:ListBucket']);
  });

  it('receives the built app: hashed assets cached for a year and kept, the pages revalidated, config.json with them', () => {
    const deployments = ofType('Custom::CDKBucketDeployment').map(
      ([, r]): Record<string, unknown> => ({ ...r.Properties, DependsOn: (r as { DependsOn?: string[] }).DependsOn }),
    );
    expect(deployments).toHaveLength(2);
    const assets = deployments.find((d) => d.DestinationBucketKeyPrefix === 'assets/')!;
    const pages = deployments.find((d) => d.DestinationBucketKeyPrefix === undefined)!;
    expect(assets).toMatchObject({
      DestinationBucketName: { Ref: ids().bucket },
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(pages).toMatchObject({
      DestinationBucketName: { Ref: ids().bucket },
      Prune: true,
      Exclude: ['assets/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    // A new index.html goes live after the files it names.
    expect(pages.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^BackendWebDeployAssets/)]));
    // No invalidation: the deployment function needs no cloudfront:* on every distribution.
    for (const d of deployments) expect(d).not.toHaveProperty('DistributionId');
  });

  it('holds the files of packages/web/dist without its build bookkeeping (.source-hash, .vite)', () => {
    const stagedDirs = readdirSync(assemblyDir).filter((d) => d.startsWith('asset.') && statSync(join(assemblyDir, d)).isDirectory());
    const staged = stagedDirs.filter((d) => existsSync(join(assemblyDir, d, 'index.html')));
    expect(staged).toHaveLength(1);
    const files = readdirSync(join(assemblyDir, staged[0]!));
    expect(files).toContain('index.html');
    expect(files.filter((f) => f.startsWith('.') || f === 'assets')).toEqual([]);
    const assets = stagedDirs.filter((d) => readdirSync(join(assemblyDir, d)).some((f) => /^index-.*\.js$/.test(f)));
    expect(assets).toHaveLength(1);
    expect(readdirSync(join(assemblyDir, assets[0]!)).sort()).toEqual(readdirSync(join(WEB_DIST, 'assets')).sort());
  });
});

describe('config.json', () => {
  /** Sample values CloudFormation would give the resources config.json names. */
  const SAMPLES = {
    webClient: '4example0web0client0id0001',
    cloudFrontDomain: 'd111111abcdef8.cloudfront.net',
    hostedUiPrefix: 'modellregionen-777777777777',
    region: 'eu-central-1',
    userPool: 'eu-central-1_AbCdEf123',
  };
  /** A CloudFormation expression (Ref, GetAtt, Join) evaluated with the samples. */
  const evaluate = (expression: unknown): string => {
    if (typeof expression === 'string') return expression;
    const e = expression as { Ref?: string; 'Fn::GetAtt'?: [string, string]; 'Fn::Join'?: [string, unknown[]] };
    const { webClient, distribution, userPool } = ids();
    if (e.Ref === webClient) return SAMPLES.webClient;
    if (e.Ref === userPool) return SAMPLES.userPool;
    if (e.Ref === only('AWS::Cognito::UserPoolDomain').id) return SAMPLES.hostedUiPrefix;
    if (e.Ref === 'AWS::Region') return SAMPLES.region;
    if (e['Fn::GetAtt']?.[0] === distribution && e['Fn::GetAtt'][1] === 'DomainName') return SAMPLES.cloudFrontDomain;
    if (e['Fn::Join']) return e['Fn::Join'][1].map(evaluate).join(e['Fn::Join'][0]);
    throw new Error(`no sample for ${JSON.stringify(expression)}`);
  };

  /** The staged config.json with the values put in for its markers, as the deployment function does. */
  const deployedConfig = (): unknown => {
    const dir = readdirSync(assemblyDir).find((d) => d.startsWith('asset.') && existsSync(join(assemblyDir, d, 'config.json')))!;
    const pages = ofType('Custom::CDKBucketDeployment').find(([, r]) => r.Properties!.DestinationBucketKeyPrefix === undefined)![1].Properties!;
    const markers = (pages.SourceMarkers as Record<string, unknown>[]).find((m) => Object.keys(m).length > 0)!;
    let text = readFileSync(join(assemblyDir, dir, 'config.json'), 'utf8');
    for (const [marker, expression] of Object.entries(markers)) text = text.split(marker).join(evaluate(expression));
    return JSON.parse(text);
  };

  it("names the hosted sign-in, the app's client and its URLs, and the app's own parser accepts it", async () => {
    const config = deployedConfig();
    expect(config).toEqual({
      auth: 'cognito',
      authority: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_AbCdEf123',
      clientId: SAMPLES.webClient,
      redirectUri: 'https://d111111abcdef8.cloudfront.net/anmeldung/callback',
      cognitoDomain: 'https://modellregionen-777777777777.auth.eu-central-1.amazoncognito.com',
      postLogoutRedirectUri: 'https://d111111abcdef8.cloudfront.net/anmeldung',
      scope: 'openid email profile',
    });
    // Loaded by path: the app's code is type-checked by its own program (browser types, packages/web/tsconfig.json).
    const { parseConfig } = (await import(join(WEB_ROOT, 'src', 'auth', 'config.ts'))) as { parseConfig: (raw: unknown) => unknown };
    expect(parseConfig(config)).toMatchObject({ auth: 'cognito', clientId: SAMPLES.webClient });
  });

  it("names as authority the issuer the API's authorizer expects in the tokens", () => {
    const { Issuer } = only('AWS::ApiGatewayV2::Authorizer').props.JwtConfiguration as { Issuer: unknown };
    expect(evaluate(Issuer)).toBe((deployedConfig() as { authority: string }).authority);
  });
});

describe('the distribution', () => {
  it('serves the bucket through origin access control by default, over https, compressed, with the security headers', () => {
    const config = distributionConfig();
    const origins = config.Origins as Record<string, unknown>[];
    const s3Origin = origins.find((o) => JSON.stringify(o.DomainName).includes(ids().bucket))!;
    expect(s3Origin).toMatchObject({ OriginAccessControlId: expect.anything(), S3OriginConfig: { OriginAccessIdentity: '' } });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    expect(config.DefaultCacheBehavior).toMatchObject({
      TargetOriginId: s3Origin.Id,
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
      CachePolicyId: cloudfront.CachePolicy.CACHING_OPTIMIZED.cachePolicyId,
      Compress: true,
      ResponseHeadersPolicyId: { Ref: only('AWS::CloudFront::ResponseHeadersPolicy').id },
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: expect.anything() }],
    });
    expect(config).toMatchObject({ DefaultRootObject: 'index.html', HttpVersion: 'http2and3', Logging: { Prefix: 'cloudfront/' } });
  });

  it('routes /v1/* to the HTTP API on the same origin: all methods, nothing cached, Authorization and the query forwarded, Host not', () => {
    const config = distributionConfig();
    const behaviours = config.CacheBehaviors as Record<string, unknown>[];
    expect(behaviours.map((b) => b.PathPattern)).toEqual(['/v1/*']);
    const api = behaviours[0]!;
    const origin = (config.Origins as Record<string, unknown>[]).find((o) => o.Id === api.TargetOriginId)!;
    expect(origin).toEqual({
      Id: api.TargetOriginId,
      DomainName: { 'Fn::Join': ['', [{ Ref: ids().api }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] },
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
    });
    expect(api).toMatchObject({
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId,
      // AWS's AllViewerExceptHostHeader: every viewer header (Authorization too, as caching is off) and query string, not Host.
      OriginRequestPolicyId: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      ViewerProtocolPolicy: 'https-only',
    });
    expect(api.FunctionAssociations).toBeUndefined();
  });

  it("has no custom error responses, which would answer the API's own 403 and 404 with the app's page", () => {
    expect(distributionConfig().CustomErrorResponses).toBeUndefined();
  });

  it('runs the routing function of spa-routing.ts, on cloudfront-js-2.0', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', {
      AutoPublish: true,
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
      FunctionCode: Match.stringLikeRegexp("request.uri = '/index.html'"),
    });
  });

  it('the API has no CORS configuration: the app calls it on its own origin', () => {
    expect(only('AWS::ApiGatewayV2::Api').props.CorsConfiguration).toBeUndefined();
  });
});

describe('the response headers policy', () => {
  const securityHeaders = () =>
    (only('AWS::CloudFront::ResponseHeadersPolicy').props.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, Record<string, unknown>> })
      .SecurityHeadersConfig;

  it("sends the local server's Content-Security-Policy, with connect-src widened to the hosted sign-in and the pool's discovery document only", () => {
    const csp = stack.resolve(securityHeaders().ContentSecurityPolicy!.ContentSecurityPolicy) as { 'Fn::Join': [string, unknown[]] };
    const [prefix, ...rest] = csp['Fn::Join'][1];
    expect(prefix).toBe(`${WEB_SECURITY_HEADERS['content-security-policy']}; connect-src 'self' https://`);
    expect(rest).toEqual([
      { Ref: only('AWS::Cognito::UserPoolDomain').id },
      '.auth.',
      { Ref: 'AWS::Region' },
      '.amazoncognito.com https://cognito-idp.',
      { Ref: 'AWS::Region' },
      '.amazonaws.com/',
      { Ref: ids().userPool },
      '/',
    ]);
    expect(prefix).toContain("default-src 'self'");
    expect(prefix).toContain("frame-ancestors 'none'");
    expect(prefix).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('sends HSTS for two years, nosniff, DENY for framing and no referrer', () => {
    expect(securityHeaders()).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true },
      ContentTypeOptions: { Override: false },
      FrameOptions: { FrameOption: 'DENY' },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer' },
    });
  });

  it('sends every other header of the local server as it is', () => {
    const custom = (
      only('AWS::CloudFront::ResponseHeadersPolicy').props.ResponseHeadersPolicyConfig as {
        CustomHeadersConfig: { Items: { Header: string; Value: string }[] };
      }
    ).CustomHeadersConfig.Items;
    const typed = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy'];
    expect(Object.fromEntries(custom.map((h) => [h.Header, h.Value]))).toEqual(
      Object.fromEntries(Object.entries(WEB_SECURITY_HEADERS).filter(([name]) => !typed.includes(name))),
    );
  });
});

describe("the web app's Cognito client", () => {
  const webClient = () => resources[ids().webClient]!.Properties!;

  it('uses the authorization-code grant only, as a public client (no secret: the app proves itself with PKCE)', () => {
    expect(webClient()).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    });
  });

  it("takes the code back at the app's callback and signs out to its sign-in page, on the distribution's domain", () => {
    const url = (path: string) => ({ 'Fn::Join': ['', ['https://', cloudFrontDomain(), path]] });
    expect(webClient()).toMatchObject({ CallbackURLs: [url('/anmeldung/callback')], LogoutURLs: [url('/anmeldung')] });
    // The paths the app itself handles.
    const app = readFileSync(join(WEB_DIST, '..', 'src', 'app.tsx'), 'utf8');
    expect(app).toContain("'/anmeldung/callback'");
    expect(app).toContain("'/anmeldung'");
  });

  it('issues ID tokens that live an hour: the API refuses any that expires more than 24 hours ahead', () => {
    expect(webClient()).toMatchObject({ IdTokenValidity: 60, TokenValidityUnits: { IdToken: 'minutes' } });
  });

  it("is accepted by the API's authorizer and by the functions' own verifier, next to the API client", () => {
    const apiClient = 'BackendUsersApiClient0697D34D';
    const audience = (only('AWS::ApiGatewayV2::Authorizer').props.JwtConfiguration as { Audience: unknown }).Audience;
    expect(audience).toEqual([{ Ref: apiClient }, { Ref: ids().webClient }]);
    for (const fn of [stack.backend.functions.apiRead, stack.backend.functions.apiWrite]) {
      const env = (resources[logicalIdOf(fn)]!.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.USER_POOL_CLIENT_ID).toEqual({ 'Fn::Join': ['', [{ Ref: apiClient }, ',', { Ref: ids().webClient }]] });
    }
  });

  it('leaves the API client without OAuth flows, now that the pool has a hosted sign-in', () => {
    const apiClient = ofType('AWS::Cognito::UserPoolClient').find(([id]) => id !== ids().webClient)![1].Properties!;
    expect(apiClient.AllowedOAuthFlowsUserPoolClient).not.toBe(true);
    expect(apiClient.AllowedOAuthFlows).toBeUndefined();
  });

  it('has a hosted sign-in domain, by default modellregionen-<account id>', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: { 'Fn::Join': ['', ['modellregionen-', { Ref: 'AWS::AccountId' }]] },
      UserPoolId: { Ref: ids().userPool },
    });
  });
});

describe('the outputs', () => {
  it("name the app's URL, its bucket, the distribution and the user pool", () => {
    template.hasOutput('WebAppUrl', { Value: { 'Fn::Join': ['', ['https://', cloudFrontDomain()]] } });
    template.hasOutput('WebBucketName', { Value: { Ref: ids().bucket } });
    template.hasOutput('WebDistributionId', { Value: { Ref: ids().distribution } });
    template.hasOutput('UserPoolId', { Value: { Ref: ids().userPool } });
  });
});

describe('with a domain of its own and a web ACL', () => {
  const CERTIFICATE = 'arn:aws:acm:us-east-1:777777777777:certificate/0f1e2d3c-4b5a-6978-8091-a2b3c4d5e6f7';
  const WEB_ACL = 'arn:aws:wafv2:us-east-1:777777777777:global/webacl/modellregionen/0a1b2c3d';
  let custom: Template;
  beforeAll(() => {
    ({ template: custom } = synthesizeStack({
      ...cdkJson.context,
      webDomainNames: ['berichte.modellregionen.example'],
      webCertificateArn: CERTIFICATE,
      webAclArn: WEB_ACL,
      webAppUrls: ['http://localhost:3000'],
      cognitoDomainPrefix: 'modellregionen-hessen',
    }));
  }, 120_000);

  it('requires TLS 1.2 with its certificate (SNI), is protected by the web ACL, and cdk-nag passes without those acknowledgements', () => {
    // synthesizeStack has run cdk-nag: CFR2 and CFR4 are acknowledged only without a web ACL and domain.
    custom.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['berichte.modellregionen.example'],
        ViewerCertificate: { AcmCertificateArn: CERTIFICATE, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
        WebACLId: WEB_ACL,
      }),
    });
  });

  it('gives the app client callback and sign-out URLs for each address, and config.json the own domain', () => {
    const distribution = Object.keys(custom.findResources('AWS::CloudFront::Distribution'))[0]!;
    const cloudFront = (path: string) => ({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }, path]] });
    custom.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: [
        'https://berichte.modellregionen.example/anmeldung/callback',
        cloudFront('/anmeldung/callback'),
        'http://localhost:3000/anmeldung/callback',
      ],
      LogoutURLs: ['https://berichte.modellregionen.example/anmeldung', cloudFront('/anmeldung'), 'http://localhost:3000/anmeldung'],
    });
    custom.hasOutput('WebAppUrl', { Value: 'https://berichte.modellregionen.example' });
    custom.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'modellregionen-hessen' });
  });
});

describe('the construct refuses', () => {
  const users = () => {
    const stack = new Stack(new App(), 'Probe');
    return { stack, users: new UserDirectory(stack, 'Users') };
  };

  it('an app that is not built, naming what to do', () => {
    const { stack, users: directory } = users();
    const empty = mkdtempSync(join(tmpdir(), 'web-dist-'));
    expect(() => new WebApp(stack, 'Web', { appDir: empty, users: directory })).toThrow(/the web app is not built: .*index\.html is missing/);
  });

  it('a certificate outside us-east-1, and app URLs Cognito would refuse', () => {
    const { stack, users: directory } = users();
    const certificateArn = 'arn:aws:acm:eu-central-1:777777777777:certificate/0f1e2d3c';
    expect(() => new WebApp(stack, 'Web', { appDir: WEB_DIST, users: directory, customDomain: { domainNames: ['a.example'], certificateArn } })).toThrow(
      /must be in us-east-1/,
    );
    for (const url of ['http://berichte.example', 'https://berichte.example/app', 'https://berichte.example/']) {
      expect(() => new WebApp(stack, `Web${url.length}`, { appDir: WEB_DIST, users: directory, additionalAppUrls: [url] }), url).toThrow(/additionalAppUrls/);
    }
  });

  it('half a custom domain in the context, and app URLs that are not strings', async () => {
    const { backendPropsFromContext } = await import('../lib/stack');
    const context = (extra: Record<string, unknown>) => ({ tryGetContext: (key: string) => ({ ...cdkJson.context, ...extra })[key] });
    expect(() => backendPropsFromContext(context({ webDomainNames: ['a.example'] }))).toThrow(/go together/);
    expect(() => backendPropsFromContext(context({ webCertificateArn: 'arn:aws:acm:us-east-1:1:certificate/x' }))).toThrow(/go together/);
    expect(() => backendPropsFromContext(context({ webAppUrls: [1] }))).toThrow(/"webAppUrls" must be a string or a JSON array of strings/);
    // From the command line, one value needs no JSON.
    expect(backendPropsFromContext(context({ webAppUrls: 'http://localhost:3000' })).web.additionalAppUrls).toEqual(['http://localhost:3000']);
  });
});
