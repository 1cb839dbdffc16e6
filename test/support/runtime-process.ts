// The local runtime as `npm start` runs it, in a process of its own, so that a test can kill it
// with SIGKILL (no graceful stop, no flush) and start it again on the same data and ports.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const START = join(ROOT, 'packages', 'local', 'src', 'cli', 'start.ts');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

export interface RuntimeProcessOptions {
  readonly dataDir: string;
  /** The DynamoDB endpoint (AWS_ENDPOINT_URL_DYNAMODB); the embedded store when absent. */
  readonly storeEndpoint?: string;
  readonly env?: Record<string, string>;
}

export interface RuntimeProcess {
  readonly urls: { api: string; events: string };
  /** Starts it (again) and resolves once `/health` answers. */
  start(): Promise<void>;
  /** SIGKILL: the process dies wherever it is. Resolves once it has exited. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful stop of Ctrl-C. */
  stop(): Promise<void>;
  readonly running: boolean;
  /** Everything the process wrote to stderr, across starts (for failure messages). */
  readonly log: string[];
}

export const runtimeProcess = async (options: RuntimeProcessOptions): Promise<RuntimeProcess> => {
  const ports = { api: await freePort(), events: await freePort(), store: await freePort() };
  const urls = { api: `http://127.0.0.1:${ports.api}`, events: `http://127.0.0.1:${ports.events}` };
  const log: string[] = [];
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const healthy = async () => {
    try {
      return (await fetch(`${urls.api}/health`)).ok;
    } catch {
      return false;
    }
  };

  const signal = async (name: NodeJS.Signals) => {
    const current = child;
    if (current === undefined) return;
    current.kill(name);
    await exited;
    child = undefined;
  };

  return {
    urls,
    log,
    get running() {
      return child !== undefined;
    },
    async start() {
      if (child !== undefined) throw new Error('the runtime process is running already');
      const args = [
        '--import',
        'tsx',
        START,
        '--data-dir',
        options.dataDir,
        '--api-port',
        String(ports.api),
        '--events-port',
        String(ports.events),
        '--store-port',
        String(ports.store),
      ];
      const started = spawn(process.execPath, args, {
        cwd: ROOT,
        env: {
          ...process.env,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          ...(options.storeEndpoint ? { AWS_ENDPOINT_URL_DYNAMODB: options.storeEndpoint } : {}),
          ...options.env,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child = started;
      started.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
      exited = new Promise((resolve) => started.once('exit', () => resolve()));
      const deadline = Date.now() + 30_000;
      while (!(await healthy())) {
        if (started.exitCode !== null) throw new Error(`the runtime process exited with ${started.exitCode}: ${log.join('')}`);
        if (Date.now() > deadline) throw new Error(`the runtime process did not answer within 30 s: ${log.join('')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
};
