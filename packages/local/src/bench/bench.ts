// The numbers SPEC section 7 asks for, measured in one run on this machine: ingestion throughput
// next to the raw store's own write throughput, DynamoDB capacity per event and per view read,
// and each function's bundle size and cold-start import time.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createAggregator, mapSettledLimit } from '@modellregionen/aggregation';
import type { EventPublisher, InboundMessage } from '@modellregionen/lambda-kit';
import { CapacityMeter, createReportStore, ensureTable, meterCapacity } from '@modellregionen/store';
import { demoHistory } from '../demo/demo-history';
import { startEmbeddedStore } from '../embedded-store';
import { buildLambdaBundles } from '../../../../infra/lib/bundling/lambda-bundles';
import { FUNCTION_NODE_OPTIONS } from '../../../../infra/lib/functions';
import { measureColdImports, probeImport } from './import-probe';

export interface BenchOptions {
  /** Reports to ingest (the valid demo history, repeated with fresh event ids). */
  readonly events: number;
  /** Raw PutItem calls for the store's own throughput. */
  readonly rawWrites: number;
  /** SQS batches (of 10) in flight at once, as concurrent Lambda invocations. */
  readonly concurrency: number;
  /** Bundle the functions and measure their cold import next to a bare Node process (slower: esbuild, then fresh processes). */
  readonly bundles: boolean;
  /** The functions to measure, by their names in FUNCTION_ENTRIES (the entries themselves are the stack's). */
  readonly functionEntries?: Readonly<Record<string, string>>;
  /** @deprecated Ignored: the bundles are built from this repository, as the stack builds them. */
  readonly root?: string;
}

export interface BenchResult {
  store: { writes: number; seconds: number; perSecond: number };
  ingestion: { events: number; seconds: number; perSecond: number; applied: number; stale: number };
  capacity: {
    writeUnitsPerAcceptedEvent: number;
    readUnitsPerAcceptedEvent: number;
    writeUnitsPerDuplicate: number;
    readUnitsPerDuplicate: number;
    competenceCircleReadUnits: { afterOneReport: number; afterHistory: number };
  };
  /** Each function's bundle (index.mjs, minified) and the CPU time of a fresh process importing it (see measureColdImports). */
  bundles: { function: string; bytes: number; coldImportMs: number }[];
  /** The CPU time of a fresh `node -e ""` in the same run; undefined without bundles. */
  bareNodeMs: number | undefined;
}

const silentPublisher: EventPublisher = { publish: async () => {} };

const startStore = async () => {
  const embedded = await startEmbeddedStore({ port: 0 });
  const newClient = () =>
    new DynamoDBClient({ endpoint: embedded.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'x' } });
  const client = newClient();
  return {
    client,
    newClient,
    async table() {
      const name = `bench-${randomUUID()}`;
      await ensureTable(client, name);
      return name;
    },
    async stop() {
      client.destroy();
      await embedded.stop();
    },
  };
};

/** The demo's valid reports as delivered EventBridge events, repeated to `count` with fresh ids. */
const eventStream = (count: number) => {
  const valid = demoHistory().filter((e) => !e.invalid);
  return Array.from({ length: count }, (_, i) => {
    const entry = valid[i % valid.length]!;
    return {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType,
      source: entry.Source,
      account: '123456789012',
      time: '2013-12-31T12:00:00Z',
      region: 'eu-central-1',
      resources: [],
      detail: JSON.parse(entry.Detail) as unknown,
    };
  });
};

const seconds = (since: number) => (performance.now() - since) / 1000;

export const runBench = async (options: BenchOptions): Promise<BenchResult> => {
  const store = await startStore();
  try {
    // 1. The raw store: PutItem of an item the size of a current-state record, 32 in flight.
    const rawTable = await store.table();
    const doc = DynamoDBDocumentClient.from(store.client);
    const payload = 'x'.repeat(700);
    let t = performance.now();
    await mapSettledLimit(
      Array.from({ length: options.rawWrites }, (_, i) => i),
      32,
      (i) => doc.send(new PutCommand({ TableName: rawTable, Item: { pk: `REGION#r${i % 6}`, sk: `CUR#item#${i}`, payload } })),
    );
    const rawSeconds = seconds(t);

    // 2. Ingestion through the aggregation pipeline, in SQS batches of ten.
    const ingestTable = await store.table();
    const ingestStore = createReportStore({ client: doc, tableName: ingestTable });
    const aggregator = createAggregator({ store: ingestStore, publisher: silentPublisher });
    const messages: InboundMessage[] = eventStream(options.events).map((e) => ({ id: randomUUID(), body: JSON.stringify(e) }));
    const batches = Array.from({ length: Math.ceil(messages.length / 10) }, (_, i) => messages.slice(i * 10, i * 10 + 10));
    let applied = 0;
    let stale = 0;
    t = performance.now();
    const outcomes = await mapSettledLimit(batches, options.concurrency, (batch) => aggregator.processMessages(batch));
    const ingestSeconds = seconds(t);
    for (const o of outcomes) {
      if (o.status === 'rejected') throw o.reason;
      if (o.value.failed.length > 0) throw new Error(`${o.value.failed.length} messages failed during the bench`);
      applied += o.value.applied;
      stale += o.value.stale;
    }

    // 3. Capacity, as DynamoDB reports it.
    const meter = new CapacityMeter();
    // A client of its own: the meter's middleware must not count the other phases.
    const metered = DynamoDBDocumentClient.from(store.newClient());
    meterCapacity(metered, meter);
    const capStore = createReportStore({ client: metered, tableName: await store.table() });
    const capAggregator = createAggregator({ store: capStore, publisher: silentPublisher });
    const [first, ...rest] = eventStream(Math.min(200, options.events)).map((e) => ({ id: randomUUID(), body: JSON.stringify(e) }));
    await capAggregator.processMessages([first!]);
    const acceptedW = meter.writeUnits;
    const acceptedR = meter.readUnits;
    meter.reset();
    await capStore.competenceCircle('2013-12-31');
    const circleAfterOne = meter.readUnits;
    meter.reset();
    await capAggregator.processMessages([first!]);
    const duplicateW = meter.writeUnits;
    const duplicateR = meter.readUnits;
    for (let i = 0; i < rest.length; i += 10) await capAggregator.processMessages(rest.slice(i, i + 10));
    meter.reset();
    await capStore.competenceCircle('2013-12-31');
    const circleAfterHistory = meter.readUnits;
    metered.destroy();

    // 4. Bundles: the functions, built as the stack builds them, imported cold.
    const bundles: BenchResult['bundles'] = [];
    let bareNodeMs: number | undefined;
    if (options.bundles) {
      const built = buildLambdaBundles(mkdtempSync(join(tmpdir(), 'bench-bundles-')));
      const measured = new Set(Object.keys(options.functionEntries ?? {}));
      const functions = Object.entries(built)
        .filter(([name]) => measured.has(name))
        .map(([name, dir]) => ({ name, file: join(dir, 'index.mjs') }));
      for (const f of functions) {
        const probe = probeImport(f.file);
        if (probe.handler !== 'function') throw new Error(`${f.name}: the bundle does not export a handler (${probe.stderr})`);
      }
      const cold = measureColdImports(
        functions.map((f) => f.file),
        { nodeOptions: FUNCTION_NODE_OPTIONS },
      );
      bareNodeMs = cold.bareNodeMs;
      for (const [i, f] of functions.entries()) bundles.push({ function: f.name, bytes: statSync(f.file).size, coldImportMs: cold.coldImportMs[i]! });
    }

    return {
      store: { writes: options.rawWrites, seconds: rawSeconds, perSecond: options.rawWrites / rawSeconds },
      ingestion: { events: messages.length, seconds: ingestSeconds, perSecond: messages.length / ingestSeconds, applied, stale },
      capacity: {
        writeUnitsPerAcceptedEvent: acceptedW,
        readUnitsPerAcceptedEvent: acceptedR,
        writeUnitsPerDuplicate: duplicateW,
        readUnitsPerDuplicate: duplicateR,
        competenceCircleReadUnits: { afterOneReport: circleAfterOne, afterHistory: circleAfterHistory },
      },
      bundles,
      bareNodeMs,
    };
  } finally {
    await store.stop();
  }
};
