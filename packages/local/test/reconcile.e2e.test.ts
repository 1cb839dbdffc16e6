// SPEC section 7, "nothing lost": every accepted event is applied or quarantined with a reason,
// and the counts reconcile; and hostile calls to the bus never bring it down.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue, MINISTRY_ID } from '@modellregionen/events';
import { type LocalRuntime, sendAsRegions, startLocalRuntime } from '@modellregionen/local';
import { UNATTRIBUTED_REGION } from '@modellregionen/store';
import { demoHistory } from '../src/demo/demo-history';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startLocalRuntime({ inMemory: true, ports: { api: 0, events: 0, store: 0 } });
});
afterAll(async () => runtime?.stop());

describe('the demo history through the bus', () => {
  it('accounts for every accepted event: an audit record or a quarantine entry, nothing else', async () => {
    const entries = demoHistory();
    const result = await sendAsRegions({ eventsUrl: runtime.urls.events, busName: runtime.busName, entries });
    expect(result).toEqual({ sent: entries.length, failedEntries: 0 });
    await runtime.settled();

    const regions = [...defaultCatalogue.regions.map((r) => r.id), MINISTRY_ID, UNATTRIBUTED_REGION];
    const audited = (await Promise.all(regions.map((r) => runtime.store.revisions(r)))).flat();
    const quarantined = (await Promise.all(regions.map((r) => runtime.store.listRejections(r, 1000)))).flat();
    const regionEvents = (await runtime.archive.events()).filter((e) => e.source !== 'modellregionen.validation');

    expect(regionEvents).toHaveLength(entries.length);
    expect(audited.length + quarantined.length).toBe(regionEvents.length);
    expect(quarantined).toHaveLength(entries.filter((e) => e.invalid).length);
    expect(new Set([...audited.map((a) => a.eventId), ...quarantined.map((q) => q.eventId)])).toEqual(new Set(regionEvents.map((e) => e.id)));
    for (const q of quarantined) expect(q.errors.length).toBeGreaterThan(0);
    expect(Object.values(runtime.queues.get('aggregate')!.stats)).toEqual([0, 0, 0, entries.length]);
  });
});

describe('hostile calls to the EventBridge endpoint', () => {
  it('answer 4xx in the AWS error shape and never take the endpoint down', async () => {
    const targets = ['AWSEvents.PutEvents', 'AWSEvents.TestEventPattern', 'AWSEvents.DescribeEventBus', 'AWSEvents.StartReplay', 'ModellregionenLocal.RedriveDeadLetters', 'Nope', ''];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.constantFrom('wetzlar', 'local-admin', 'frankfurt'),
        fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v) ?? ''), fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })),
        async (target, principal, body) => {
          const response = await fetch(runtime.urls.events, {
            method: 'POST',
            headers: {
              'content-type': 'application/x-amz-json-1.1',
              'x-amz-target': target,
              authorization: `AWS4-HMAC-SHA256 Credential=${principal}/20120101/eu-central-1/events/aws4_request`,
            },
            body,
          });
          const json = (await response.json()) as Record<string, unknown>;
          if (response.status !== 200) {
            expect(response.status).toBeGreaterThanOrEqual(400);
            expect(response.status).toBeLessThan(500);
            expect(json).toMatchObject({ __type: expect.any(String), message: expect.any(String) });
          }
        },
      ),
      { numRuns: 300 },
    );
    const health = await fetch(`${runtime.urls.api}/health`);
    expect(health.status).toBe(200);
  });
});
