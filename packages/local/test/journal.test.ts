import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive, Journal, LocalBus } from '@modellregionen/local';

const tempFile = (name: string) => join(mkdtempSync(join(tmpdir(), 'journal-')), name);

describe('Journal', () => {
  it('cuts a torn last line (a crash in the middle of a write) on open, so the next record starts clean', async () => {
    const file = tempFile('j.jsonl');
    writeFileSync(file, '{"a":1}\n{"a":2}\n{"a":');
    const journal = await Journal.open<{ a: number }>(file);
    expect(journal.cutBytes).toBe(5);
    await journal.append([{ a: 3 }]);
    expect(await journal.readAll()).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    await journal.close();
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n{"a":2}\n{"a":3}\n');
    // ... and the next open finds nothing to cut.
    const again = await Journal.open(file);
    expect(again.cutBytes).toBe(0);
    await again.close();
  });

  it('cuts a file that is one torn line to nothing', async () => {
    const file = tempFile('j.jsonl');
    writeFileSync(file, '{"a":1');
    const journal = await Journal.open(file);
    expect(await journal.readAll()).toEqual([]);
    await journal.close();
    expect(statSync(file).size).toBe(0);
  });

  it('refuses damage before the end, naming where it is', async () => {
    const file = tempFile('j.jsonl');
    writeFileSync(file, '{"a":1}\n{"a":\n{"a":3}\n');
    const journal = await Journal.open(file);
    await expect(journal.readAll()).rejects.toThrow('the record at byte 8 is not JSON; the journal is damaged');
    await journal.close();
  });

  it('resolves each append with the byte offsets where its records start, and streams from any of them', async () => {
    const file = tempFile('j.jsonl');
    const journal = await Journal.open<{ n: number; text: string }>(file, { countLines: true });
    const first = await journal.append([
      { n: 1, text: 'ä' },
      { n: 2, text: 'x' },
    ]);
    const second = await journal.append([{ n: 3, text: '€' }]);
    expect(first).toEqual([0, Buffer.byteLength('{"n":1,"text":"ä"}\n')]);
    expect(second[0]).toBe(first[1]! + Buffer.byteLength('{"n":2,"text":"x"}\n'));
    const fromSecond = [];
    for await (const r of journal.read(first[1]!)) fromSecond.push(r.record.n);
    expect(fromSecond).toEqual([2, 3]);
    expect(journal.size).toBe(3);
    expect(journal.end).toBe(statSync(file).size);
    await journal.close();
  });

  it('writes the appends of many concurrent writers with far fewer syncs than appends (group commit)', async () => {
    const file = tempFile('j.jsonl');
    const journal = await Journal.open<{ writer: number; i: number }>(file, { countLines: true });
    const handle = (journal as unknown as { handle: { datasync(): Promise<void> } }).handle;
    let syncs = 0;
    const datasync = handle.datasync.bind(handle);
    handle.datasync = async () => {
      syncs += 1;
      return datasync();
    };
    const writers = 50;
    const rounds = 10;
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let i = 0; i < rounds; i += 1) await journal.append([{ writer, i }]);
      }),
    );
    expect(journal.size).toBe(writers * rounds);
    expect(syncs).toBeLessThan((writers * rounds) / 5);
    // Each writer's records are in its own order.
    const seen = new Map<number, number[]>();
    for (const r of await journal.readAll()) seen.set(r.writer, [...(seen.get(r.writer) ?? []), r.i]);
    for (const order of seen.values()) expect(order).toEqual(Array.from({ length: rounds }, (_, i) => i));
    await journal.close();
  });

  it('rejects only the append whose record cannot be written, and keeps the others', async () => {
    const file = tempFile('j.jsonl');
    const journal = await Journal.open<unknown>(file);
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i += 1) deep = { deep };
    const results = await Promise.allSettled([journal.append([{ ok: 1 }]), journal.append([deep]), journal.append([{ ok: 2 }])]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await journal.readAll()).toEqual([{ ok: 1 }, { ok: 2 }]);
    await journal.close();
  });

  it('rewrites itself atomically and goes on appending after the rewrite', async () => {
    const file = tempFile('j.jsonl');
    const journal = await Journal.open<{ a: number }>(file);
    await journal.append([{ a: 1 }, { a: 2 }]);
    await journal.rewrite([{ a: 9 }]);
    await journal.append([{ a: 10 }]);
    expect(await journal.readAll()).toEqual([{ a: 9 }, { a: 10 }]);
    await journal.close();
  });
});

describe('Archive', () => {
  it('reads archives written before acceptance times were kept (bare events, one per line)', async () => {
    const file = tempFile('archive.jsonl');
    const bare = { version: '0', id: 'old-1', 'detail-type': 'T', source: 's', time: '2012-01-01T10:00:00Z', detail: {} };
    writeFileSync(file, `${JSON.stringify(bare)}\n`);
    const archive = await Archive.open(file);
    const [added] = await archive.append([{ ...bare, id: 'new-1' }], new Date('2012-01-02T10:00:00.123Z'));
    const read = [];
    for await (const a of archive.read()) read.push(a);
    expect(read).toEqual([
      { offset: 0, acceptedAt: '2012-01-01T10:00:00Z', event: bare },
      { offset: added!.offset, acceptedAt: '2012-01-02T10:00:00.123Z', event: { ...bare, id: 'new-1' } },
    ]);
    expect(archive.size).toBe(2);
    await archive.close();
  });

  it('counts its events on open without holding them, and selects a replay by event time', async () => {
    const file = tempFile('archive.jsonl');
    const lines = Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify({
        acceptedAt: '2012-01-01T00:00:00.000Z',
        event: { id: `e-${i}`, 'detail-type': 'T', source: 's', time: new Date(Date.UTC(2012, 0, 1, 0, 0, i)).toISOString(), detail: {} },
      }),
    );
    appendFileSync(file, `${lines.join('\n')}\n`);
    const archive = await Archive.open(file);
    expect(archive.size).toBe(1000);
    const selected = [];
    for await (const a of archive.between(Date.UTC(2012, 0, 1, 0, 0, 10), Date.UTC(2012, 0, 1, 0, 0, 20))) selected.push(a.event.id);
    expect(selected).toEqual(Array.from({ length: 10 }, (_, i) => `e-${i + 10}`));
    await archive.close();
  });
});

describe('a data directory written before the queues were positions in the archive', () => {
  it('delivers what its queue journal still held, and not the whole history again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'legacy-'));
    const bare = (n: number) => ({
      version: '0',
      id: `old-${n}`,
      'detail-type': 'MilestoneReported',
      source: 'modellregion.wetzlar',
      account: '1',
      time: '2012-01-01T10:00:00Z',
      region: 'eu-central-1',
      resources: [],
      detail: {},
    });
    writeFileSync(join(dataDir, 'archive.jsonl'), [1, 2, 3].map((n) => `${JSON.stringify(bare(n))}\n`).join(''));
    mkdirSync(join(dataDir, 'queues'));
    // The aggregation queue still owed event 3; the webhooks queue (compacted, empty) owed nothing.
    writeFileSync(
      join(dataDir, 'queues', 'aggregate.jsonl'),
      `${JSON.stringify({ op: 'enqueue', message: { id: 'uuid-3', event: bare(3), sentAt: '2012-01-01T10:00:00.000Z' } })}\n`,
    );
    writeFileSync(join(dataDir, 'queues', 'webhooks.jsonl'), '');
    const bus = await LocalBus.open({ dataDir });
    const delivered: string[] = [];
    const groups: (string | undefined)[] = [];
    const record = async (messages: readonly { event: { id: string }; groupId?: string }[]) => {
      delivered.push(...messages.map((m) => m.event.id));
      groups.push(...messages.map((m) => m.groupId));
      return { failed: [] };
    };
    await bus.start({ aggregate: record, webhooks: record });
    await bus.settled();
    expect(delivered).toEqual(['old-3']);
    // The aggregation queue is FIFO now: the old message is delivered in its region's group.
    expect(groups).toEqual(['wetzlar']);
    // New events after the upgrade are delivered as usual.
    await bus.publish([{ ...bare(4), id: 'new-4' }]);
    await bus.settled();
    expect(delivered).toEqual(['old-3', 'new-4']);
    await bus.stop();
  });
});
