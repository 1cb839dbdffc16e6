import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeEventBusCommand,
  DescribeReplayCommand,
  ListRulesCommand,
  PutEventsCommand,
  StartReplayCommand,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { AGGREGATION_RULES, RULES } from '@modellregionen/events';
import { type LocalRuntime, startLocalRuntime } from '@modellregionen/local';
import { busClient, milestoneEntry, waitFor } from './support';
import { competenceCircleIn } from '../../../test/support/views';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startLocalRuntime({ inMemory: true, ports: { api: 0, events: 0, store: 0 } });
});
afterAll(async () => runtime?.stop());

const put = (principal: string, entries: object[]) => busClient(runtime.urls.events, principal).send(new PutEventsCommand({ Entries: entries }));

describe('PutEvents through the real AWS SDK', () => {
  it('accepts a region event, routes it by the shared rules and aggregates it into the view', async () => {
    const result = await put('wetzlar', [milestoneEntry('wetzlar', 'steuerungs-ag')]);
    expect(result.FailedEntryCount).toBe(0);
    expect(result.Entries?.[0]?.EventId).toMatch(/^[0-9a-f-]{36}$/);
    await runtime.settled();
    const items = await runtime.store.currentItems('wetzlar');
    expect(items.map((i) => [i.eventId, i.detailType])).toEqual([[result.Entries![0]!.EventId, 'MilestoneReported']]);
    const view = await competenceCircleIn(runtime.store, '2012-01-01');
    expect(view.regions.find((r) => r.regionId === 'wetzlar')?.milestones).toMatchObject({ total: 1, overdue: 1 });
  });

  it('quarantines an invalid report and puts EventRejected back on the bus', async () => {
    const before = runtime.archive.size;
    const result = await put('kassel', [milestoneEntry('kassel', 'leitbild', { status: 'achieved' })]);
    expect(result.FailedEntryCount).toBe(0);
    await runtime.settled();
    const [rejection] = await runtime.store.listRejections('kassel');
    expect(rejection).toMatchObject({
      eventId: result.Entries![0]!.EventId,
      errors: [{ path: 'achievedDate', message: 'is required when status is achieved' }],
    });
    // The report and its rejection notice are both archived.
    expect(runtime.archive.size).toBe(before + 2);
    const notice = (await runtime.archive.events()).at(-1)!;
    expect(notice).toMatchObject({ source: 'modellregionen.validation', 'detail-type': 'EventRejected' });
  });

  it('answers per entry as AWS does: missing fields, malformed detail, unknown bus', async () => {
    const result = await put('local-admin', [
      { Source: 'modellregion.wetzlar', DetailType: 'MilestoneReported', EventBusName: 'modellregionen' },
      { Source: 'modellregion.wetzlar', DetailType: 'MilestoneReported', Detail: '{not json', EventBusName: 'modellregionen' },
      { Source: 'modellregion.wetzlar', DetailType: 'MilestoneReported', Detail: '[1]', EventBusName: 'modellregionen' },
      { ...milestoneEntry('wetzlar', 'x'), EventBusName: 'no-such-bus' },
      milestoneEntry('wetzlar', 'fachforen'),
    ]);
    expect(result.FailedEntryCount).toBe(4);
    expect(result.Entries?.map((e) => e.ErrorCode ?? 'ok')).toEqual([
      'InvalidArgument',
      'MalformedDetail',
      'MalformedDetail',
      'ResourceNotFoundException',
      'ok',
    ]);
    expect(result.Entries?.[0]?.ErrorMessage).toBe('Parameter Detail is not valid. Reason: Detail is a required argument.');
  });

  it('refuses more than ten entries and more than 256 KB as a whole', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => milestoneEntry('wetzlar', `m-${i}`));
    await expect(put('wetzlar', eleven)).rejects.toMatchObject({ name: 'ValidationException' });
    const big = { ...milestoneEntry('wetzlar', 'big'), Detail: JSON.stringify({ note: 'x'.repeat(262_144) }) };
    await expect(put('wetzlar', [big])).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });
});

describe('the bus policy, by the access key id of the signature', () => {
  it("denies a region putting another region's source, failing the whole call", async () => {
    const before = runtime.archive.size;
    await expect(put('wetzlar', [milestoneEntry('wetzlar', 'ok-entry'), milestoneEntry('kassel', 'not-mine')])).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    expect(runtime.archive.size).toBe(before);
  });

  it('lets the ministry put only ministerium, and an unknown principal nothing', async () => {
    await expect(put('ministerium', [milestoneEntry('wetzlar', 'x')])).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(put('frankfurt', [milestoneEntry('wetzlar', 'x')])).rejects.toMatchObject({ name: 'AccessDeniedException' });
    const finding = {
      Source: 'ministerium',
      DetailType: 'FindingPublished',
      EventBusName: 'modellregionen',
      Detail: JSON.stringify({
        schemaVersion: 1,
        regionId: 'ministerium',
        revision: 1,
        reportedAt: '2012-02-29T12:00:00+01:00',
        reportedBy: 'HMdJIE',
        findingId: 'halbzeitbilanz',
        title: 'Halbzeitbilanz',
        summary: 'Die Modellregionen ziehen Bilanz.',
        fieldOfAction: 'participation',
      }),
    };
    expect((await put('ministerium', [finding])).FailedEntryCount).toBe(0);
  });

  it('lets local-admin put any source', async () => {
    expect((await put('local-admin', [milestoneEntry('offenbach', 'admin-put')])).FailedEntryCount).toBe(0);
  });

  it('publishes the policy with one events:source condition per principal', async () => {
    const bus = await busClient(runtime.urls.events, 'wetzlar').send(new DescribeEventBusCommand({ Name: 'modellregionen' }));
    const policy = JSON.parse(bus.Policy!) as { Statement: { Principal: { AWS: string }; Condition: unknown }[] };
    expect(policy.Statement).toContainEqual(
      expect.objectContaining({
        Principal: { AWS: 'arn:aws:iam::123456789012:user/wetzlar' },
        Condition: { StringEquals: { 'events:source': 'modellregion.wetzlar' } },
      }),
    );
    expect(policy.Statement).toHaveLength(7);
  });
});

describe('TestEventPattern and ListRules', () => {
  const event = JSON.stringify({
    id: '1',
    account: '123456789012',
    source: 'modellregion.kassel',
    time: '2012-01-01T00:00:00Z',
    region: 'eu-central-1',
    'detail-type': 'ProjectReported',
    resources: [],
    detail: { funding: [{ source: 'land', amountEur: 10 }] },
  });
  const test = (pattern: unknown) =>
    busClient(runtime.urls.events, 'kassel').send(new TestEventPatternCommand({ EventPattern: JSON.stringify(pattern), Event: event }));

  it('matches with the same matcher that routes', async () => {
    const kassel = RULES.find((r) => r.name === 'reports-of-kassel-to-aggregation')!;
    expect((await test(kassel.eventPattern)).Result).toBe(true);
    expect((await test(RULES.find((r) => r.name === 'reports-of-wetzlar-to-aggregation')!.eventPattern)).Result).toBe(false);
    expect((await test({ detail: { funding: { source: ['land'] } } })).Result).toBe(true);
    expect((await test({ detail: { funding: { source: ['eu'] } } })).Result).toBe(false);
  });

  it('answers as event-ruler does where a double is not enough, an IP rule sits beside others, or an address has leading zeros', async () => {
    const envelope = '"id":"1","account":"123456789012","source":"s","time":"2012-01-01T00:00:00Z","region":"eu-central-1","detail-type":"T"';
    const raw = (pattern: string, detail: string) =>
      busClient(runtime.urls.events, 'kassel').send(new TestEventPatternCommand({ EventPattern: pattern, Event: `{${envelope},"detail":${detail}}` }));
    // The digits count, not the nearest double.
    expect((await raw('{"detail":{"n":[12345678901234567890]}}', '{"n":12345678901234567890}')).Result).toBe(true);
    expect((await raw('{"detail":{"n":[12345678901234567000]}}', '{"n":12345678901234567890}')).Result).toBe(false);
    // A cidr beside an exact value: each alternative tests the value on its own (event-ruler 1.7).
    expect((await raw('{"detail":{"ip":[{"cidr":"10.0.0.0/24"},"192.168.1.1"]}}', '{"ip":"192.168.1.1"}')).Result).toBe(true);
    expect((await raw('{"detail":{"ip":[{"cidr":"10.0.0.0/24"},{"prefix":"host-"}]}}', '{"ip":"host-7"}')).Result).toBe(true);
    // Leading zeros are decimal, as Java reads an IPv4 address.
    expect((await raw('{"detail":{"ip":[{"cidr":"10.0.0.0/24"}]}}', '{"ip":"010.0.0.1"}')).Result).toBe(true);
  });

  it('rejects an invalid pattern with InvalidEventPatternException', async () => {
    await expect(test({ source: 'not-an-array' })).rejects.toMatchObject({ name: 'InvalidEventPatternException' });
  });

  it('lists the rules of the shared module', async () => {
    const { Rules } = await busClient(runtime.urls.events, 'kassel').send(new ListRulesCommand({ EventBusName: 'modellregionen' }));
    expect(Rules?.map((r) => [r.Name, JSON.parse(r.EventPattern!)])).toEqual(RULES.map((r) => [r.name, r.eventPattern]));
  });
});

describe('StartReplay', () => {
  const replay = (name: string, destination: Record<string, unknown>) =>
    busClient(runtime.urls.events, 'local-admin').send(
      new StartReplayCommand({
        ReplayName: name,
        EventSourceArn: runtime.archiveArn,
        EventStartTime: new Date(0),
        EventEndTime: new Date(Date.now() + 60_000),
        Destination: destination as { Arn: string },
      }),
    );
  const busArn = () => runtime.archiveArn.replace(/:archive\/.*$/, ':event-bus/modellregionen');

  it("refuses a destination other than the archive's bus, and filter ARNs that name no rule of it", async () => {
    await expect(replay('elsewhere', { Arn: busArn().replace('modellregionen', 'other') })).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(replay('no-such-rule', { Arn: busArn(), FilterArns: [runtime.ruleArn('no-such-rule')] })).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(replay('empty-filter', { Arn: busArn(), FilterArns: [] })).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('replays to the rules its filter names only, and completes', async () => {
    const finding = {
      Source: 'modellregion.wetzlar',
      DetailType: 'FindingPublished',
      Detail: JSON.stringify({ findingId: 'f' }),
      EventBusName: 'modellregionen',
    };
    await put('wetzlar', [finding]);
    await runtime.settled();
    const before = { webhooks: runtime.queues.get('webhooks')!.stats.delivered, aggregate: runtime.queues.get('aggregate')!.stats.delivered };
    expect(before.webhooks).toBeGreaterThan(0);
    const started = await replay('aggregation-only', { Arn: busArn(), FilterArns: AGGREGATION_RULES.map((r) => runtime.ruleArn(r.name)) });
    expect(started.State).toBe('STARTING');
    const admin = busClient(runtime.urls.events, 'local-admin');
    await waitFor(async () => (await admin.send(new DescribeReplayCommand({ ReplayName: 'aggregation-only' }))).State === 'COMPLETED');
    expect(runtime.queues.get('webhooks')!.stats.delivered).toBe(before.webhooks);
    expect(runtime.queues.get('aggregate')!.stats.delivered).toBeGreaterThan(before.aggregate);
    await expect(replay('aggregation-only', { Arn: busArn() })).rejects.toMatchObject({ name: 'ResourceAlreadyExistsException' });
  });
});

describe('the HTTP API port', () => {
  it('answers GET /health', async () => {
    const response = await fetch(`${runtime.urls.api}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', bus: 'modellregionen' });
  });
});
