// The bench's helper processes (the store, the seeders): TypeScript modules run by Node with tsx,
// talking to the bench over the IPC channel. A helper ends when the channel closes, so none
// outlives the bench, however it ends.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Helper {
  readonly child: ChildProcess;
  /** Sends a request and resolves with the helper's answer to it. */
  request<T>(message: unknown): Promise<T>;
  /** The processor time the helper has used so far, in seconds. */
  cpuSeconds(): Promise<number>;
  /** Closes the channel and waits for the process to end. */
  stop(): Promise<void>;
}

const CPU_REQUEST = { cpuSeconds: true } as const;

/** The processor time this process has used, in seconds. */
export const cpuSecondsOfThisProcess = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

interface Answer {
  readonly id: number;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: string;
}

/** Starts `module` (a file next to this one) and waits for its first message, which is returned. */
export const startHelper = async <Ready>(module: string): Promise<{ helper: Helper; ready: Ready }> => {
  const child = fork(fileURLToPath(new URL(module, import.meta.url)), [], {
    // A larger young generation: the helpers allocate much and keep little.
    execArgv: ['--import', 'tsx', '--max-semi-space-size=32'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const ready = new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`${module} ended (${code}) before it was ready`)));
  });
  child.on('message', (m) => {
    const answer = m as Answer;
    const waiting = pending.get(answer.id);
    if (waiting === undefined) return;
    pending.delete(answer.id);
    if (answer.ok) waiting.resolve(answer.value);
    else waiting.reject(new Error(`${module}: ${answer.error}`));
  });
  child.on('exit', (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`${module} ended (${code}) with a request open`));
    pending.clear();
  });
  const helper: Helper = {
    child,
    request: <T>(message: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, message });
      }),
    cpuSeconds: () => helper.request<number>(CPU_REQUEST),
    async stop() {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
  return { helper, ready: await ready };
};

/** The helper's side: answers each request with `handle`, and ends when the bench closes the channel. */
export const serveRequests = (ready: unknown, handle: (message: unknown) => Promise<unknown>, onClose: () => Promise<void> = async () => {}): void => {
  process.on('message', (m) => {
    const { id, message } = m as { id: number; message: unknown };
    const answer = typeof message === 'object' && message !== null && 'cpuSeconds' in message ? Promise.resolve(cpuSecondsOfThisProcess()) : handle(message);
    answer.then(
      (value) => process.send?.({ id, ok: true, value } satisfies Answer),
      (err: unknown) => process.send?.({ id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies Answer),
    );
  });
  process.once('disconnect', () => {
    void onClose().finally(() => process.exit(0));
  });
  process.send?.(ready);
};
