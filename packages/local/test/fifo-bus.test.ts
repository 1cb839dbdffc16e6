import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAggregator } from '@modellregionen/aggregation';
import { AGGREGATION_RULES, defaultCatalogue, type EventBridgeEvent, MINISTRY_ID, regionSource, RULES, UNATTRIBUTED_GROUP } from '@modellregionen/events';
import { createInMemoryReportStore, UNATTRIBUTED_REGION } from '@modellregionen/store';
import { LocalBus, type QueueMessage } from '@modellregionen/local';
import { milestoneDetail } from './support';

/*
 * The local bus routes to the aggregation's FIFO queue in the message group of the rule that
 * matched, as EventBridge's SqsParameters.MessageGroupId does: one group per region, so that one
 * region's reports are never processed by two deliveries at once.
 */

let n = 0;
const eventFrom = (source: string, detailType = 'MilestoneReported', detail: unknown = {}): EventBridgeEvent => {
  n += 1;
  return {
    version: '0',
    id: `e-${n}`,
    'detail-type': detailType,
    source,
    account: '123456789012',
    time: '2012-02-10T08:30:00Z',
    region: 'eu-central-1',
    resources: [],
    detail,
  };
};

/** Opens a bus whose targets record what they are handed, and starts it. */
const recordingBus = async (options: Parameters<typeof LocalBus.open>[0] = {}) => {
  const bus = await LocalBus.open({ delivery: { batchWindowMs: 1 }, ...options });
  const handed = { aggregate: [] as QueueMessage[], webhooks: [] as QueueMessage[] };
  await bus.start({
    aggregate: async (m) => {
      handed.aggregate.push(...m);
      return { failed: [] };
    },
    webhooks: async (m) => {
      handed.webhooks.push(...m);
      return { failed: [] };
    },
  });
  return { bus, handed };
};
const groupsOf = (messages: readonly QueueMessage[]) => Object.fromEntries(messages.map((m) => [m.event.source, m.groupId]));

describe('the local bus and the FIFO aggregation queue', () => {
  it('routes each event to the aggregation in the message group of its rule, and findings to the webhooks without one', async () => {
    const { bus, handed } = await recordingBus();
    await bus.publish([
      eventFrom('modellregion.kassel'),
      eventFrom('ministerium'),
      eventFrom('modellregion.wetzlar', 'FindingPublished'),
      eventFrom('modellregion.giessen'),
      eventFrom('somewhere.else'),
      eventFrom('modellregionen.validation', 'EventRejected'),
    ]);
    await bus.settled();
    expect(groupsOf(handed.aggregate)).toEqual({
      'modellregion.kassel': 'kassel',
      ministerium: 'ministerium',
      'modellregion.wetzlar': 'wetzlar',
      'modellregion.giessen': UNATTRIBUTED_GROUP,
      'somewhere.else': UNATTRIBUTED_GROUP,
    });
    expect(handed.webhooks.map((m) => [m.event.source, m.groupId])).toEqual([['modellregion.wetzlar', undefined]]);
    await bus.stop();
  });

  it('makes one message per event and target even where two rules to a target match it', async () => {
    const overlapping = [
      ...RULES,
      {
        name: 'also-kassel',
        description: 'overlaps',
        eventPattern: { source: ['modellregion.kassel'] },
        target: 'aggregate',
        messageGroupId: 'other',
      } as const,
    ];
    const { bus, handed } = await recordingBus({ rules: overlapping });
    await bus.publish([eventFrom('modellregion.kassel')]);
    await bus.settled();
    await bus.replay({ name: 'again', from: 0, to: Date.now() + 60_000 });
    await bus.settled();
    expect(handed.aggregate.map((m) => [m.id, m.groupId])).toEqual([
      ['a-0', 'kassel'],
      ['r-again-0', 'kassel'],
    ]);
    await bus.stop();
  });

  it('replays to the aggregation rules in their message groups', async () => {
    const { bus, handed } = await recordingBus();
    await bus.publish([eventFrom('modellregion.offenbach'), eventFrom('modellregion.offenbach', 'FindingPublished'), eventFrom('x')]);
    await bus.settled();
    handed.aggregate.length = 0;
    handed.webhooks.length = 0;
    await bus.replay({ name: 'rebuild', from: 0, to: Date.now() + 60_000, rules: AGGREGATION_RULES.map((r) => r.name) });
    await bus.settled();
    expect(handed.aggregate.map((m) => [m.event['replay-name'], m.groupId])).toEqual([
      ['rebuild', 'offenbach'],
      ['rebuild', 'offenbach'],
      ['rebuild', UNATTRIBUTED_GROUP],
    ]);
    expect(handed.webhooks).toEqual([]);
    await bus.stop();
  });

  it('opens a data directory whose queue journal was written before messages had groups, and gives them their groups', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'groupless-'));
    const archived = [eventFrom('modellregion.kassel'), eventFrom('modellregion.wetzlar'), eventFrom('ministerium')];
    writeFileSync(join(dataDir, 'archive.jsonl'), archived.map((event) => `${JSON.stringify({ acceptedAt: '2012-02-10T08:30:00.000Z', event })}\n`).join(''));
    mkdirSync(join(dataDir, 'queues'));
    const message = (event: EventBridgeEvent, id: string) => ({ id, event, sentAt: '2012-02-10T08:30:00.000Z' });
    // Everything in the archive was done; a replayed message and a dead letter are left, neither with a group.
    writeFileSync(
      join(dataDir, 'queues', 'aggregate.jsonl'),
      [
        {
          op: 'position',
          offset: Buffer.byteLength(archived.map((e) => `${JSON.stringify({ acceptedAt: '2012-02-10T08:30:00.000Z', event: e })}\n`).join('')),
        },
        { op: 'enqueue', message: message({ ...archived[1]!, 'replay-name': 'r' }, 'r-r-1') },
        { op: 'dead', letter: { ...message(archived[2]!, 'a-2'), receiveCount: 12, lastError: 'boom', deadAt: '2012-02-10T09:00:00.000Z' } },
      ]
        .map((r) => `${JSON.stringify(r)}\n`)
        .join(''),
    );
    const { bus, handed } = await recordingBus({ dataDir });
    await bus.settled();
    expect(handed.aggregate.map((m) => [m.id, m.groupId])).toEqual([['r-r-1', 'wetzlar']]);
    const queue = bus.queues.get('aggregate')!;
    expect(queue.deadLetters()).toEqual([expect.objectContaining({ id: 'a-2', groupId: MINISTRY_ID })]);
    expect(await queue.redrive()).toBe(1);
    await bus.settled();
    expect(handed.aggregate.map((m) => [m.id, m.groupId])).toEqual([
      ['r-r-1', 'wetzlar'],
      ['a-2', MINISTRY_ID],
    ]);
    await bus.stop();
  });

  it("routes every event in the group of the one region the aggregation writes for it: its own, or the quarantine's", async () => {
    const store = createInMemoryReportStore();
    const aggregator = createAggregator({ store, publisher: { publish: async () => {} } });
    const routed = new Map<string, string | undefined>();
    const bus = await LocalBus.open({ delivery: { batchWindowMs: 1 } });
    await bus.start({
      aggregate: async (messages) => {
        for (const m of messages) routed.set(m.event.id, m.groupId);
        return aggregator.processMessages(messages.map((m) => ({ id: m.id, body: JSON.stringify(m.event), sentAt: m.sentAt })));
      },
      webhooks: async () => ({ failed: [] }),
    });
    const registry = defaultCatalogue.regions.map((r) => r.id);
    const source = fc.oneof(
      fc.constantFrom(...registry.map(regionSource), MINISTRY_ID, 'modellregion.x', 'modellregion.ministerium', 'modellregion.Kassel', 'aws.s3'),
      fc.string({ maxLength: 20 }).map((s) => `modellregion.${s}`),
      fc.string({ minLength: 1, maxLength: 20 }),
    );
    const events = fc.sample(source, { numRuns: 150, seed: 20120229 }).flatMap((s) => {
      // A report that passes validation where its source names a region, and one that does not.
      const region = s.startsWith('modellregion.') ? s.slice('modellregion.'.length) : s;
      return [eventFrom(s, 'MilestoneReported', milestoneDetail(region, `m-${n}`)), eventFrom(s, 'MilestoneReported', { revision: 'x' })];
    });
    await bus.publish(events.filter((e) => e.source !== 'modellregionen.validation'));
    await bus.settled();
    await bus.stop();
    for (const group of new Set(routed.values())) {
      const written = new Set([
        ...(await store.currentItems(group!)).map((e) => e.eventId),
        ...(await store.listRejections(group!, 1000)).map((r) => r.eventId),
      ]);
      for (const [eventId, g] of routed) if (g === group) expect(written.has(eventId), `${eventId} in group ${group}`).toBe(true);
    }
    expect(UNATTRIBUTED_GROUP).toBe(UNATTRIBUTED_REGION);
    expect(routed.size).toBeGreaterThan(200);
  });
});
