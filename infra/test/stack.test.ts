import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { ROUTES } from '@modellregionen/api';
import {
  AGGREGATION_RULES,
  ARCHIVE_PATTERN,
  defaultCatalogue,
  FINDINGS_FORWARDING_PATTERN,
  FINDINGS_PATTERN,
  MINISTRY_ID,
  RULES,
  UNATTRIBUTED_GROUP,
} from '@modellregionen/events';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { WORK_QUEUES } from '../lib/delivery-settings';
import { type Resources, synthesizeStack } from './support';

let template: Template;
let resources: Resources;
beforeAll(() => {
  ({ template } = synthesizeStack());
  resources = template.toJSON().Resources as Resources;
}, 120_000);

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const tableId = () => ofType('AWS::DynamoDB::Table').map(([id]) => id)[0];

describe('logical ids', () => {
  // CloudFormation takes a resource under a new logical id for a new resource: it would create an
  // empty table and user pool and keep the old ones (retained) with their data outside the stack,
  // start a new archive, and give the API a new URL. The constructs that hold them must keep their
  // ids (infra/lib/backend.ts).
  it('of the resources that hold data or that others address stay as they were', () => {
    const idsOf = (type: string) => ofType(type).map(([id]) => id);
    expect(idsOf('AWS::DynamoDB::Table')).toEqual(['BackendTable11108670']);
    expect(idsOf('AWS::Cognito::UserPool')).toEqual(['BackendUsers325FD142']);
    expect(idsOf('AWS::Cognito::UserPoolClient')).toEqual(['BackendUsersApiClient0697D34D', expect.stringMatching(/^BackendUsersWebClient/)]);
    expect(idsOf('AWS::Events::EventBus')).toEqual(['BackendBus1050B781']);
    expect(idsOf('AWS::Events::Archive')).toEqual(['BackendBusArchive84C0076A']);
    expect(idsOf('AWS::ApiGatewayV2::Api')).toEqual(['BackendHttpApi82C65F03']);
  });
});

describe('the event bus', () => {
  it('is the custom bus, with an archive of everything on it', () => {
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'modellregionen' });
    template.hasResourceProperties('AWS::Events::Archive', { ArchiveName: 'modellregionen-archive', RetentionDays: 0, EventPattern: ARCHIVE_PATTERN });
  });

  it("lets each region's principal put events only with its own source", () => {
    const policies = ofType('AWS::Events::EventBusPolicy').map(([, r]) => r.Properties!);
    const principals = cdkJson.context.regionPrincipals as Record<string, string>;
    expect(policies).toHaveLength(Object.keys(principals).length);
    for (const [regionId, account] of Object.entries(principals)) {
      const source = regionId === 'ministerium' ? 'ministerium' : `modellregion.${regionId}`;
      expect(policies).toContainEqual(
        expect.objectContaining({
          Statement: expect.objectContaining({
            Effect: 'Allow',
            Action: 'events:PutEvents',
            Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${account}:root`]] } },
            Condition: { StringEquals: { 'events:source': source } },
          }),
        }),
      );
    }
  });

  it('routes by the shared rule patterns, exactly as the local runtime does', () => {
    for (const rule of RULES) {
      template.hasResourceProperties('AWS::Events::Rule', { Name: rule.name, EventPattern: rule.eventPattern });
    }
  });

  it('delivers to the aggregation queue with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      Name: RULES[0]!.name,
      Targets: [Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 }, DeadLetterConfig: { Arn: Match.anyValue() } })],
    });
  });

  it('has an aggregation rule for each region of the registry, the ministry and every other source, each sending to the FIFO queue in its message group', () => {
    const fifoQueue = ofType('AWS::SQS::Queue').find(([, q]) => q.Properties?.ContentBasedDeduplication === true)![0];
    const rules = ofType('AWS::Events::Rule').map(([, r]) => r.Properties!);
    const toAggregation = rules.filter((r) => JSON.stringify(r.Targets).includes(`"${fifoQueue}"`));
    expect(toAggregation.map((r) => r.Name)).toEqual(AGGREGATION_RULES.map((r) => r.name));
    // Their groups: the registry's regions, the ministry and the unattributed rest.
    expect(toAggregation.map((r) => (r.Targets as { SqsParameters?: { MessageGroupId: string } }[])[0]!.SqsParameters?.MessageGroupId)).toEqual([
      ...defaultCatalogue.regions.map((r) => r.id),
      MINISTRY_ID,
      UNATTRIBUTED_GROUP,
    ]);
    for (const rule of AGGREGATION_RULES) {
      template.hasResourceProperties('AWS::Events::Rule', {
        Name: rule.name,
        EventPattern: rule.eventPattern,
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fifoQueue, 'Arn'] }, SqsParameters: { MessageGroupId: rule.messageGroupId } })],
      });
    }
    // The findings rule sends to the standard webhook queue, without a group.
    const findings = rules.find((r) => r.Name === 'findings-to-webhooks')!;
    expect((findings.Targets as Record<string, unknown>[])[0]!.SqsParameters).toBeUndefined();
  });

  it('forwards findings to the subscriber buses in other accounts or regions, with a role', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: FINDINGS_FORWARDING_PATTERN,
      Targets: [Match.objectLike({ Arn: (cdkJson.context.subscriberBuses as string[])[0], RoleArn: Match.anyValue(), DeadLetterConfig: Match.anyValue() })],
    });
  });
});

describe('aggregation: EventBridge -> SQS -> Lambda', () => {
  it('buffers in an encrypted FIFO queue, deduplicating by content, that parks messages in a FIFO dead-letter queue after its retry schedule', () => {
    const fifo = ofType('AWS::SQS::Queue').filter(([, q]) => q.Properties?.FifoQueue === true);
    const [queueId, queue] = fifo.find(([, q]) => q.Properties?.RedrivePolicy !== undefined)!;
    expect(queue.Properties).toMatchObject({
      FifoQueue: true,
      ContentBasedDeduplication: true,
      SqsManagedSseEnabled: true,
      RedrivePolicy: { maxReceiveCount: WORK_QUEUES.aggregate.retry.maxReceiveCount },
    });
    const dlqId = (queue.Properties!.RedrivePolicy as { deadLetterTargetArn: { 'Fn::GetAtt': [string, string] } }).deadLetterTargetArn['Fn::GetAtt'][0];
    expect(resources[dlqId]!.Properties).toMatchObject({ FifoQueue: true, SqsManagedSseEnabled: true });
    // The two FIFO queues are these; the webhook queue and EventBridge's dead-letter queue stay standard.
    expect(fifo.map(([id]) => id).sort()).toEqual([queueId, dlqId].sort());
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumBatchingWindowInSeconds: Match.absent(),
    });
  });

  it('reads batches of ten and reports partial batch failures', () => {
    template.resourcePropertiesCountIs('AWS::Lambda::EventSourceMapping', { BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'] }, 2);
  });

  it('delivers findings to the webhook dispatcher through its own queue, parked after its retry schedule', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: WORK_QUEUES.webhooks.retry.maxReceiveCount },
    });
    template.hasResourceProperties('AWS::Events::Rule', { Name: 'findings-to-webhooks', EventPattern: FINDINGS_PATTERN });
  });

  it('has an alarm on every dead-letter queue, sent to the alarm topic', () => {
    const queues = ofType('AWS::SQS::Queue');
    const dlqIds = queues.filter(([, q]) => q.Properties?.RedrivePolicy === undefined).map(([id]) => id);
    expect(dlqIds.length).toBe(3); // aggregation, webhooks, and the rule targets' own
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
    for (const id of dlqIds) {
      expect(alarms).toContainEqual(
        expect.objectContaining({
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } }],
          AlarmActions: [expect.anything()],
        }),
      );
    }
    // A key of its own that CloudWatch may use: alarms cannot publish to a topic under alias/aws/sns.
    const [keyId] = ofType('AWS::KMS::Key')[0]!;
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] })]),
      },
    });
  });
});

describe('the alarms', () => {
  it('are the ones the runbook lists, by the names CloudFormation gives them, and each names a section of it', () => {
    const runbook = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8');
    const alarmTable = runbook.slice(0, runbook.indexOf('\n## '));
    const listed = [...alarmTable.matchAll(/`(Backend\w+Alarm)`/g)].map((m) => m[1]).sort();
    const alarms = ofType('AWS::CloudWatch::Alarm');
    expect(listed).toEqual(alarms.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort());
    for (const [id, alarm] of alarms) {
      const section = /docs\/operations\.md, "([^"]+)"/.exec(alarm.Properties!.AlarmDescription as string)?.[1];
      expect(runbook.split('\n'), id).toContain(`## ${section}`);
    }
  });
});

describe('the functions', () => {
  it('all run on Node.js 24 on arm64, traced, with Powertools configured by environment', () => {
    const functions = ofType('AWS::Lambda::Function').filter(([id]) => id.startsWith('BackendFunctions'));
    expect(functions).toHaveLength(4);
    // The only other function is the one aws-s3-deployment brings to upload the web app.
    expect(
      ofType('AWS::Lambda::Function')
        .filter(([id]) => !id.startsWith('BackendFunctions'))
        .map(([id]) => id),
    ).toEqual([expect.stringMatching(/^CustomCDKBucketDeployment/)]);
    for (const [, f] of functions) {
      expect(f.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: expect.objectContaining({ POWERTOOLS_SERVICE_NAME: expect.any(String), POWERTOOLS_LOG_LEVEL: 'INFO', TABLE_NAME: { Ref: tableId() } }),
        },
      });
    }
  });
});

describe('the table', () => {
  it('has no fixed name: CloudFormation names it, and the stack outputs the name', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { TableName: Match.absent() });
    template.hasOutput('TableName', { Value: { Ref: tableId() } });
  });

  it('is on demand, with point-in-time recovery, encryption and deletion protection, and retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    });
  });
});

describe('the HTTP API', () => {
  it('has exactly the routes of the route table', () => {
    const keys = ofType('AWS::ApiGatewayV2::Route')
      .map(([, r]) => r.Properties!.RouteKey)
      .sort();
    expect(keys).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('puts the Cognito JWT authorizer on every route but the public OpenAPI document', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      // The API client's tokens and the web app's.
      JwtConfiguration: {
        Audience: [{ Ref: 'BackendUsersApiClient0697D34D' }, { Ref: Match.stringLikeRegexp('^BackendUsersWebClient') }],
        Issuer: Match.anyValue(),
      },
    });
    for (const [, route] of ofType('AWS::ApiGatewayV2::Route')) {
      const isPublic = ROUTES.find((r) => `${r.method} ${r.path}` === route.Properties!.RouteKey)!.access === 'public';
      expect(route.Properties).toMatchObject(isPublic ? { AuthorizationType: 'NONE' } : { AuthorizationType: 'JWT', AuthorizerId: expect.anything() });
    }
  });

  it('logs access and throttles', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });

  it('has a user pool with a group per role, MFA and no self sign-up', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', 3);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });
});
