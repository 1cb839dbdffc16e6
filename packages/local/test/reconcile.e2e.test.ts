// SPEC section 7, "nothing lost": every accepted event is applied or quarantined with a reason,
// and the counts reconcile. Hostile calls to the bus are in eventbridge-fuzz.e2e.test.ts.
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
