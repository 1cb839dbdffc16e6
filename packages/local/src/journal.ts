import { mkdirSync } from 'node:fs';
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * An append-only log of JSON records, one per line, flushed to disk (fdatasync) before `append`
 * resolves: what the local bus acknowledges is on disk. Without a file it keeps records in memory.
 */
export class Journal<T> {
  private memory: T[] = [];
  private tail: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string | undefined) {}

  /** Opens (or creates) the journal at `file`; `undefined` keeps it in memory. */
  static async open<T>(file: string | undefined): Promise<{ journal: Journal<T>; records: T[] }> {
    const journal = new Journal<T>(file);
    if (file === undefined) return { journal, records: [] };
    mkdirSync(dirname(file), { recursive: true });
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const records: T[] = [];
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        records.push(JSON.parse(line) as T);
      } catch {
        // Only the last line can be torn (a crash in the middle of a write); anything else is damage.
        if (index < lines.length - 2) throw new Error(`${file}: line ${index + 1} is not JSON; the journal is damaged`);
      }
    });
    return { journal, records };
  }

  /** Appends records; resolves once they are durable. Appends are written in call order. */
  append(records: readonly T[]): Promise<void> {
    if (records.length === 0) return this.tail;
    if (this.file === undefined) {
      this.memory.push(...records);
      return Promise.resolve();
    }
    const file = this.file;
    const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    const write = this.tail.then(async () => {
      const handle = await open(file, 'a');
      try {
        await handle.appendFile(text);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    });
    this.tail = write.catch(() => undefined);
    return write;
  }

  /** Replaces the whole journal with `records` (atomically, by rename). */
  async rewrite(records: readonly T[]): Promise<void> {
    await this.tail;
    if (this.file === undefined) {
      this.memory = [...records];
      return;
    }
    const temp = `${this.file}.tmp`;
    await writeFile(temp, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    await rename(temp, this.file);
  }

  /** Waits for every pending append. */
  flush(): Promise<void> {
    return this.tail;
  }
}

