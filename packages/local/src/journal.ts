import { createReadStream, mkdirSync } from 'node:fs';
import { type FileHandle, open, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A record as read back, with where its line starts (a byte offset; an index in memory). */
export interface Positioned<T> {
  readonly offset: number;
  readonly record: T;
}

class JournalDamagedError extends Error {
  override readonly name = 'JournalDamagedError';
}

interface PendingAppend {
  readonly text: string;
  readonly lines: number[];
  resolve(offsets: number[]): void;
  reject(err: unknown): void;
}

const NEWLINE = 0x0a;

/**
 * An append-only log of JSON records, one per line. `append` resolves once the records are on
 * disk (fdatasync), so what the local bus acknowledges survives kill -9. Appends that arrive while
 * a write is under way are written together with one fdatasync (group commit), so many writers do
 * not queue behind one another's syncs. Reading streams the file; nothing is held in memory.
 *
 * Only the end of the file can be torn: an append is acknowledged after its sync, so bytes after
 * the last newline were never acknowledged, and opening the journal cuts them off.
 *
 * Without a file the journal keeps its records in memory (offsets are then indexes).
 */
export class Journal<T> {
  private handle: FileHandle | undefined;
  private readonly memory: T[] = [];
  private waiting: PendingAppend[] = [];
  private writing: Promise<void> | undefined;
  private bytes = 0;
  private lineCount = 0;

  private constructor(
    readonly file: string | undefined,
    /** Bytes cut from a torn end when the journal was opened. */
    readonly cutBytes: number,
  ) {}

  /** Opens (or creates) the journal at `file`, cutting a torn end; `undefined` keeps it in memory. */
  static async open<T>(file: string | undefined, options: { countLines?: boolean } = {}): Promise<Journal<T>> {
    if (file === undefined) return new Journal<T>(undefined, 0);
    mkdirSync(dirname(file), { recursive: true });
    const handle = await open(file, 'a+');
    try {
      const size = (await handle.stat()).size;
      const end = await lastLineEnd(handle, size);
      if (end < size) {
        await handle.truncate(end);
        await handle.datasync();
      }
      const journal = new Journal<T>(file, size - end);
      journal.handle = handle;
      journal.bytes = end;
      if (options.countLines) journal.lineCount = await countLines(file, end);
      return journal;
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  /** Where the next record will start: the journal's length in bytes (in memory: in records). */
  get end(): number {
    return this.file === undefined ? this.memory.length : this.bytes;
  }

  /** Records in the journal; counted on open only when asked for (`countLines`), then kept up to date. */
  get size(): number {
    return this.file === undefined ? this.memory.length : this.lineCount;
  }

  /**
   * Appends records; resolves with the offset of each once they are durable. Appends are written
   * in call order. A record that cannot be serialised rejects its own append only.
   */
  append(records: readonly T[]): Promise<number[]> {
    if (records.length === 0) return Promise.resolve([]);
    let lines: string[];
    try {
      lines = records.map((r) => `${JSON.stringify(r)}\n`);
    } catch (err) {
      return Promise.reject(err);
    }
    if (this.file === undefined) {
      const first = this.memory.length;
      this.memory.push(...records);
      return Promise.resolve(records.map((_, i) => first + i));
    }
    return new Promise<number[]>((resolve, reject) => {
      this.waiting.push({ text: lines.join(''), lines: lines.map((l) => Buffer.byteLength(l)), resolve, reject });
      this.writing ??= this.writeGroups();
    });
  }

  private async writeGroups(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.waiting;
      this.waiting = [];
      const start = this.bytes;
      const data = Buffer.from(group.map((g) => g.text).join(''));
      try {
        await this.handle!.appendFile(data);
        await this.handle!.datasync();
      } catch (err) {
        // A failed write may leave part of a line behind: cut it, so the next append starts clean.
        await this.handle!.truncate(start).catch(() => undefined);
        for (const g of group) g.reject(err);
        continue;
      }
      let offset = start;
      for (const g of group) {
        g.resolve(
          g.lines.map((length) => {
            const at = offset;
            offset += length;
            return at;
          }),
        );
        this.lineCount += g.lines.length;
      }
      this.bytes = offset;
    }
    this.writing = undefined;
  }

  /** Streams the records from `from` (an offset a record starts at) up to the current end. */
  async *read(from = 0): AsyncGenerator<Positioned<T>> {
    if (this.file === undefined) {
      const until = this.memory.length;
      for (let i = from; i < until; i += 1) yield { offset: i, record: this.memory[i]! };
      return;
    }
    const until = this.bytes;
    if (from >= until) return;
    let carry: Buffer = Buffer.alloc(0);
    let lineStart = from;
    for await (const chunk of createReadStream(this.file, { start: from, end: until - 1, highWaterMark: 256 * 1024 })) {
      let data: Buffer = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      let index = data.indexOf(NEWLINE);
      while (index !== -1) {
        const line = data.subarray(0, index);
        yield { offset: lineStart, record: this.parse(line, lineStart) };
        lineStart += index + 1;
        data = data.subarray(index + 1);
        index = data.indexOf(NEWLINE);
      }
      carry = Buffer.from(data);
    }
  }

  private parse(line: Buffer, offset: number): T {
    try {
      return JSON.parse(line.toString('utf8')) as T;
    } catch {
      throw new JournalDamagedError(
        `${this.file}: the record at byte ${offset} is not JSON; the journal is damaged (only its end can be torn by a crash, and that is cut off on start)`,
      );
    }
  }

  /** Every record, in order (for small journals that are compacted on open). */
  async readAll(): Promise<T[]> {
    const records: T[] = [];
    for await (const { record } of this.read()) records.push(record);
    return records;
  }

  /** Replaces the whole journal with `records`, atomically (a synced copy renamed over it). */
  async rewrite(records: readonly T[]): Promise<void> {
    await this.flush();
    if (this.file === undefined) {
      this.memory.splice(0, this.memory.length, ...records);
      return;
    }
    const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    const temp = `${this.file}.tmp`;
    const copy = await open(temp, 'w');
    try {
      await copy.writeFile(text);
      await copy.datasync();
    } finally {
      await copy.close();
    }
    await this.handle!.close();
    await rename(temp, this.file);
    await syncDirectory(dirname(this.file));
    this.handle = await open(this.file, 'a+');
    this.bytes = Buffer.byteLength(text);
    this.lineCount = records.length;
  }

  /** Waits for every pending append. */
  async flush(): Promise<void> {
    while (this.writing !== undefined) await this.writing;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle?.close();
    this.handle = undefined;
  }
}

/** The length of the file up to and including its last newline. */
const lastLineEnd = async (handle: FileHandle, size: number): Promise<number> => {
  const chunk = Buffer.alloc(64 * 1024);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const { bytesRead } = await handle.read(chunk, 0, end - start, start);
    const index = chunk.subarray(0, bytesRead).lastIndexOf(NEWLINE);
    if (index !== -1) return start + index + 1;
    end = start;
  }
  return 0;
};

const countLines = async (file: string, until: number): Promise<number> => {
  if (until === 0) return 0;
  let lines = 0;
  for await (const chunk of createReadStream(file, { start: 0, end: until - 1, highWaterMark: 1024 * 1024 })) {
    let index = (chunk as Buffer).indexOf(NEWLINE);
    while (index !== -1) {
      lines += 1;
      index = (chunk as Buffer).indexOf(NEWLINE, index + 1);
    }
  }
  return lines;
};

/** Makes a rename durable (the directory entry), where the platform allows it. */
const syncDirectory = async (directory: string): Promise<void> => {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not every platform can open or sync a directory; the rename itself is still atomic.
  }
};

/** Whether a journal file exists and holds anything. */
const _journalExists = async (file: string): Promise<boolean> => {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
};
