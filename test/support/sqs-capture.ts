// A minimal SQS endpoint (AWS JSON 1.0) that records ChangeMessageVisibilityBatch calls, so tests
// can run a handler with the real @aws-sdk/client-sqs and see which messages it backed off.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

interface CapturedVisibilityChange {
  QueueUrl: string;
  Entries: { Id: string; ReceiptHandle: string; VisibilityTimeout: number }[];
}

export const startSqsCapture = async () => {
  const visibilityChanges: CapturedVisibilityChange[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      if (target !== 'AmazonSQS.ChangeMessageVisibilityBatch') {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: 'com.amazonaws.sqs#UnsupportedOperation', message: String(target) }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as CapturedVisibilityChange;
      visibilityChanges.push(body);
      res.end(JSON.stringify({ Successful: body.Entries.map((e) => ({ Id: e.Id })), Failed: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    visibilityChanges,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
