import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PortInUseError, startLocalRuntime } from '@modellregionen/local';

describe('ports', () => {
  it('says clearly which port is taken and how to choose another', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const attempt = startLocalRuntime({ inMemory: true, ports: { api: 0, events: taken, store: 0 } });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(
        `port ${taken} (EventBridge endpoint) is already in use: stop the program that holds it, or choose another port with --events-port`,
      );
    } finally {
      blocker.close();
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    const runtime = await startLocalRuntime({ inMemory: true, ports: { api: 0, events: 0, store: 0 } });
    try {
      for (const url of Object.values(runtime.urls)) expect(new URL(url).hostname).toBe('127.0.0.1');
    } finally {
      await runtime.stop();
    }
  });
});
