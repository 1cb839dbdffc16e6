// The local runtime against a second, independent DynamoDB implementation (moto), as
// AWS_ENDPOINT_URL_DYNAMODB selects it. Skipped where moto_server is not installed.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { defaultCatalogue, validator } from '@modellregionen/events';
import { competenceCircleOf } from '@modellregionen/domain';
import { type LocalRuntime, startLocalRuntime } from '@modellregionen/local';
import { demoHistory } from '../src/demo/demo-history';
import { busClient, waitFor } from './support';
import { competenceCircleIn } from '../../../test/support/views';

const hasMoto = spawnSync('moto_server', ['--help'], { encoding: 'utf8' }).status === 0;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe.skipIf(!hasMoto)('with AWS_ENDPOINT_URL_DYNAMODB pointing at moto', () => {
  let moto: ChildProcess;
  let runtime: LocalRuntime;
  beforeAll(async () => {
    const port = await freePort();
    moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    const url = `http://127.0.0.1:${port}`;
    await waitFor(
      async () =>
        fetch(url).then(
          () => true,
          () => false,
        ),
      30_000,
    );
    runtime = await startLocalRuntime({ inMemory: true, dynamoEndpoint: url, ports: { api: 0, events: 0, store: 0 } });
  }, 60_000);
  afterAll(async () => {
    await runtime?.stop();
    moto?.kill();
  });

  it('aggregates the first 150 demo reports into the same view as the pure domain', async () => {
    const entries = demoHistory().slice(0, 150);
    for (const entry of entries) {
      const principal = entry.Source === 'ministerium' ? 'ministerium' : entry.Source.replace('modellregion.', '');
      const client = busClient(runtime.urls.events, principal);
      await client.send(
        new PutEventsCommand({ Entries: [{ Source: entry.Source, DetailType: entry.DetailType, Detail: entry.Detail, EventBusName: 'modellregionen' }] }),
      );
      client.destroy();
    }
    await runtime.settled();
    const valid = entries
      .map((e) => validator.validatePutEventsEntry({ Source: e.Source, DetailType: e.DetailType, Detail: e.Detail }))
      .flatMap((r, i) => (r.ok ? [{ ...r.value, eventId: `x-${i}` }] : []));
    const asOf = '2013-12-31';
    const expected = competenceCircleOf(valid, { catalogue: defaultCatalogue, asOf });
    const stored = await competenceCircleIn(runtime.store, asOf);
    expect(stored.totals).toEqual(expected.totals);
    expect(stored.regions.map((r) => [r.regionId, r.milestones, r.projects, r.indicators])).toEqual(
      expected.regions.map((r) => [r.regionId, r.milestones, r.projects, r.indicators]),
    );
  });
});
