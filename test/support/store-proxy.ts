// A TCP proxy in front of a store (dynalite, or any DynamoDB endpoint) that injects faults on
// command: a store that hangs, one that refuses connections, one that throttles, one that drops
// a share of requests. Point the client under test at `endpoint` instead of the store's.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface StoreProxy {
  /** http://127.0.0.1:<port> of the proxy. */
  readonly endpoint: string;
  readonly port: number;
  /** Pass everything through again (ends any fault; connections left broken by a stall are cut). */
  heal(): Promise<void>;
  /** Accept connections and requests but never answer, on open connections too: a hung store. */
  stall(): void;
  /** Stop listening and cut every open connection: connection refused. */
  refuse(): Promise<void>;
  /** Answer every request with DynamoDB's ProvisionedThroughputExceededException (HTTP 400). */
  throttle(): void;
  /** Reset the connection of a share `p` (0..1) of requests as they arrive; `random` makes it repeatable. */
  failShare(p: number, random?: () => number): void;
  /**
   * Sees the start of each request (its head: request line and headers, as text) before it is
   * passed on, while in the pass-through mode; `drop` cuts the connection instead, so the request
   * never reaches the store. Tests use it to act between two store calls (kill the caller, say).
   * `undefined` removes it.
   */
  intercept(inspect: ((head: string) => 'pass' | 'drop') | undefined): void;
  /** What the proxy did, for assertions. */
  readonly stats: { connections: number; requests: number; stalled: number; throttled: number; cut: number };
  close(): Promise<void>;
}

type Mode = { kind: 'pass' } | { kind: 'stall' } | { kind: 'refuse' } | { kind: 'throttle' } | { kind: 'share'; p: number; random: () => number };

const THROTTLED_BODY = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  message: 'The level of configured provisioned throughput for the table was exceeded.',
});
const THROTTLED_RESPONSE =
  'HTTP/1.1 400 Bad Request\r\n' +
  'content-type: application/x-amz-json-1.0\r\n' +
  `content-length: ${Buffer.byteLength(THROTTLED_BODY)}\r\n` +
  'x-amzn-requestid: store-proxy\r\n' +
  'connection: close\r\n\r\n' +
  THROTTLED_BODY;

const listenOn = (server: Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });

export const startStoreProxy = async (target: { host?: string; port: number }): Promise<StoreProxy> => {
  let mode: Mode = { kind: 'pass' };
  let inspect: ((head: string) => 'pass' | 'drop') | undefined;
  const stats = { connections: 0, requests: 0, stalled: 0, throttled: 0, cut: 0 };
  const open = new Set<Socket>();
  /** Connections that saw a stall: the HTTP exchange on them is broken for good. */
  const broken = new Set<Socket>();

  const onConnection = (client: Socket) => {
    stats.connections += 1;
    open.add(client);
    client.setNoDelay(true);
    let upstream: Socket | undefined;
    const cut = () => {
      client.resetAndDestroy();
      upstream?.destroy();
    };
    client.on('close', () => {
      open.delete(client);
      broken.delete(client);
      upstream?.destroy();
    });
    client.on('error', () => upstream?.destroy());
    // Keep-alive HTTP/1.1 without pipelining: the first bytes after a response start a request.
    let awaitingResponse = false;
    client.on('data', (chunk: Buffer) => {
      const startsRequest = !awaitingResponse;
      if (startsRequest) stats.requests += 1;
      awaitingResponse = true;
      if (mode.kind === 'stall') {
        if (startsRequest) stats.stalled += 1;
        broken.add(client);
        return;
      }
      if (mode.kind === 'throttle') {
        if (startsRequest) {
          stats.throttled += 1;
          client.end(THROTTLED_RESPONSE);
          upstream?.destroy();
        }
        return;
      }
      if (startsRequest && mode.kind === 'pass' && inspect?.(chunk.toString('latin1')) === 'drop') {
        stats.cut += 1;
        cut();
        return;
      }
      if (mode.kind === 'share' && startsRequest && mode.random() < mode.p) {
        stats.cut += 1;
        cut();
        return;
      }
      if (upstream === undefined) {
        upstream = connect(target.port, target.host ?? '127.0.0.1');
        upstream.setNoDelay(true);
        upstream.on('data', (answer: Buffer) => {
          if (mode.kind === 'stall') {
            broken.add(client);
            return;
          }
          awaitingResponse = false;
          client.write(answer);
        });
        upstream.on('close', () => client.destroy());
        upstream.on('error', () => client.destroy());
      }
      upstream.write(chunk);
    });
  };

  let server = createServer(onConnection);
  const port = await listenOn(server, 0);
  const cutAll = () => {
    for (const socket of open) socket.resetAndDestroy();
  };

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stats,
    async heal() {
      for (const socket of broken) socket.resetAndDestroy();
      if (mode.kind === 'refuse') {
        server = createServer(onConnection);
        await listenOn(server, port);
      }
      mode = { kind: 'pass' };
    },
    stall() {
      mode = { kind: 'stall' };
    },
    async refuse() {
      if (mode.kind === 'refuse') return;
      mode = { kind: 'refuse' };
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      cutAll();
      await closed;
    },
    throttle() {
      mode = { kind: 'throttle' };
    },
    intercept(next) {
      inspect = next;
    },
    failShare(p, random = Math.random) {
      if (!(p >= 0 && p <= 1)) throw new RangeError(`failShare: p must be between 0 and 1 (got ${p})`);
      mode = { kind: 'share', p, random };
    },
    async close() {
      cutAll();
      if (mode.kind !== 'refuse') await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
