// Drives the real AWS CLI against the local endpoint, as a region's own tooling would.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '@modellregionen/local';
import { milestoneEntry } from './support';

const hasCli = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasCli)('the AWS CLI against the local EventBridge endpoint', () => {
  let runtime: LocalRuntime;
  beforeAll(async () => {
    runtime = await startLocalRuntime({ inMemory: true, ports: { api: 0, events: 0, store: 0 } });
  });
  afterAll(async () => runtime?.stop());

  // Asynchronous: the endpoint runs in this process and must keep serving while the CLI waits.
  const aws = (principal: string, args: string[]) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        'aws',
        [...args, '--endpoint-url', runtime.urls.events, '--output', 'json'],
        { env: { ...process.env, AWS_ACCESS_KEY_ID: principal, AWS_SECRET_ACCESS_KEY: 'x', AWS_DEFAULT_REGION: 'eu-central-1', AWS_PAGER: '' } },
        (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  it("puts events from a file with the region's key, and they are aggregated", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cli-')), 'entries.json');
    writeFileSync(file, JSON.stringify([milestoneEntry('hochtaunuskreis', 'integrationsleitbild')]));
    const result = await aws('hochtaunuskreis', ['events', 'put-events', '--entries', `file://${file}`]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ FailedEntryCount: 0 });
    await runtime.settled();
    expect(await runtime.store.currentItems('hochtaunuskreis')).toHaveLength(1);
  });

  it("is denied another region's source", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cli-')), 'entries.json');
    writeFileSync(file, JSON.stringify([milestoneEntry('wiesbaden', 'fremd')]));
    const result = await aws('hochtaunuskreis', ['events', 'put-events', '--entries', `file://${file}`]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('AccessDeniedException');
  });

  it('tests an event pattern', async () => {
    const event = JSON.stringify({
      id: '1',
      account: '123456789012',
      source: 'modellregion.wiesbaden',
      time: '2012-01-01T00:00:00Z',
      region: 'eu-central-1',
      'detail-type': 'MilestoneReported',
      detail: {},
    });
    const match = await aws('wiesbaden', ['events', 'test-event-pattern', '--event-pattern', '{"source":[{"prefix":"modellregion."}]}', '--event', event]);
    expect(JSON.parse(match.stdout)).toEqual({ Result: true });
    const noMatch = await aws('wiesbaden', ['events', 'test-event-pattern', '--event-pattern', '{"source":["ministerium"]}', '--event', event]);
    expect(JSON.parse(noMatch.stdout)).toEqual({ Result: false });
  });
});
