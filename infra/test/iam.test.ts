// Walks every IAM policy in the template: no wildcard actions, no wildcard resources on data
// services, and each function can reach only the calls it makes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModellregionenBackend } from '../lib/backend';
import { logicalIdOf, type Resources, synthesizeStack } from './support';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

let resources: Resources;
let backend: ModellregionenBackend;
beforeAll(() => {
  const { stack, template } = synthesizeStack();
  resources = template.toJSON().Resources as Resources;
  backend = stack.backend;
}, 120_000);

const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
const DATA_SERVICES = ['dynamodb', 'sqs', 'events', 'sns', 'kms'];

/** Every statement of every policy document in the template, with where it came from. */
const statements = (): { where: string; statement: Statement }[] => {
  const out: { where: string; statement: Statement }[] = [];
  for (const [id, r] of Object.entries(resources)) {
    const docs: unknown[] = [];
    if (r.Type === 'AWS::IAM::Policy') docs.push(r.Properties!.PolicyDocument);
    if (r.Type === 'AWS::IAM::Role') for (const p of (r.Properties!.Policies as { PolicyDocument: unknown }[] | undefined) ?? []) docs.push(p.PolicyDocument);
    if (r.Type === 'AWS::SQS::QueuePolicy' || r.Type === 'AWS::SNS::TopicPolicy') docs.push(r.Properties!.PolicyDocument);
    for (const doc of docs) for (const statement of (doc as { Statement: Statement[] }).Statement) out.push({ where: id, statement });
  }
  return out;
};

type FunctionName = keyof ModellregionenBackend['functions'];

/** The statements of the policies attached to a function's role. */
const policyOf = (name: FunctionName): Statement[] => {
  const fnId = logicalIdOf(backend.functions[name]);
  const fn = resources[fnId]!;
  expect(fn.Type).toBe('AWS::Lambda::Function');
  const roleId = (fn.Properties!.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  expect(roleId, fnId).toBeDefined();
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties!.Roles as { Ref: string }[]).some((x) => x.Ref === roleId))
    .flatMap((r) => (r.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
};

const actionsOf = (stmts: Statement[], service: string) => [...new Set(stmts.flatMap((s) => list(s.Action)).filter((a) => a.startsWith(`${service}:`)))].sort();

describe('every IAM policy', () => {
  it('names what it allows: no "*" and no "service:*" (a Deny, such as enforcing TLS, may be broad)', () => {
    for (const { where, statement } of statements().filter(({ statement }) => statement.Effect === 'Allow')) {
      for (const action of list(statement.Action)) {
        expect(action, where).not.toBe('*');
        expect(action, where).not.toMatch(/:\*$/);
      }
    }
  });

  it('grants data-service actions on named resources only', () => {
    for (const { where, statement } of statements()) {
      const onData = list(statement.Action).some((a) => DATA_SERVICES.includes(a.split(':')[0]!));
      if (!onData || statement.Effect !== 'Allow') continue;
      for (const resource of list(statement.Resource)) expect(resource, `${where}: ${JSON.stringify(statement)}`).not.toBe('*');
    }
  });

  it('has wildcard resources only for X-Ray, which has no resource-level permissions', () => {
    const wild = statements().filter(({ statement }) => list(statement.Resource).includes('*'));
    for (const { statement } of wild) for (const a of list(statement.Action)) expect(a).toMatch(/^xray:/);
  });
});

describe('each function reaches only what it uses', () => {
  it('aggregate: reads and writes the table item by item, consumes its queue, publishes only rejections', () => {
    const policy = policyOf('aggregate');
    expect(actionsOf(policy, 'dynamodb')).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(actionsOf(policy, 'sqs')).toEqual([
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
    ]);
    const put = policy.find((s) => list(s.Action).includes('events:PutEvents'))!;
    expect(put.Condition).toEqual({ StringEquals: { 'events:source': 'modellregionen.validation' } });
    expect(actionsOf(policy, 'events')).toEqual(['events:PutEvents']);
  });

  it('api-read: only reads the table, and touches neither bus nor queues', () => {
    const policy = policyOf('apiRead');
    expect(actionsOf(policy, 'dynamodb')).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    expect(actionsOf(policy, 'events')).toEqual([]);
    expect(actionsOf(policy, 'sqs')).toEqual([]);
  });

  it('api-write: publishes region sources to the bus, and writes only reviews and subscriptions', () => {
    const policy = policyOf('apiWrite');
    expect(actionsOf(policy, 'dynamodb')).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    const put = policy.find((s) => list(s.Action).includes('events:PutEvents'))!;
    expect(put.Condition).toEqual({ StringLike: { 'events:source': ['modellregion.*', 'ministerium'] } });
    expect(actionsOf(policy, 'sqs')).toEqual([]);
  });

  it('webhooks: reads subscriptions, records deliveries, consumes its queue, and touches no bus', () => {
    const policy = policyOf('webhooks');
    expect(actionsOf(policy, 'dynamodb')).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    expect(actionsOf(policy, 'sqs')).toEqual([
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
    ]);
    expect(actionsOf(policy, 'events')).toEqual([]);
  });

  it("scopes each consumer's queue actions, its backoff (ChangeMessageVisibility) included, to its own queue", () => {
    for (const name of ['aggregate', 'webhooks'] as const) {
      const queueId = logicalIdOf(backend.workQueues[name].queue);
      const onQueues = policyOf(name).filter((s) => list(s.Action).some((a) => a.startsWith('sqs:')));
      expect(onQueues.flatMap((s) => list(s.Action))).toContain('sqs:ChangeMessageVisibility');
      for (const s of onQueues) {
        const targets = list(s.Resource as unknown).map((r) => (r as { 'Fn::GetAtt'?: string[] })['Fn::GetAtt']);
        expect(targets, name).toEqual([[queueId, 'Arn']]);
      }
    }
  });

  it('scopes table actions to the table and bus actions to the bus', () => {
    const table = { 'Fn::GetAtt': [logicalIdOf(backend.table), 'Arn'] };
    const bus = { 'Fn::GetAtt': [logicalIdOf(backend.bus), 'Arn'] };
    for (const name of Object.keys(backend.functions) as FunctionName[]) {
      for (const s of policyOf(name)) {
        const services = new Set(list(s.Action).map((a) => a.split(':')[0]));
        if (services.has('dynamodb')) expect(list(s.Resource), name).toEqual([table]);
        if (services.has('events')) expect(list(s.Resource), name).toEqual([bus]);
      }
    }
  });
});
