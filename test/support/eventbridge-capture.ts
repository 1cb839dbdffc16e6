// A minimal PutEvents endpoint (AWS JSON 1.1) that records what it is sent, so tests can publish
// with the functions' own EventBridge client. It can be told to fail the next calls, as a
// throttled bus would.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEventBridgeClient } from '@modellregionen/lambda-kit';

interface CapturedEntry {
  Source: string;
  DetailType: string;
  Detail: string;
  EventBusName?: string;
}

export const startEventBridgeCapture = async () => {
  const entries: CapturedEntry[] = [];
  let failNext = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (target !== 'AWSEvents.PutEvents') {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: 'UnknownOperationException', message: String(target) }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Entries: CapturedEntry[] };
      if (failNext > 0) {
        failNext -= 1;
        res.end(
          JSON.stringify({
            FailedEntryCount: body.Entries.length,
            Entries: body.Entries.map(() => ({ ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' })),
          }),
        );
        return;
      }
      entries.push(...body.Entries);
      res.end(JSON.stringify({ FailedEntryCount: 0, Entries: body.Entries.map(() => ({ EventId: randomUUID() })) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createEventBridgeClient({ endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local-admin', secretAccessKey: 'test' } });
  return {
    endpoint,
    client,
    entries,
    failNextCalls(n: number) {
      failNext = n;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
