// Powertools' Logger and Metrics write JSON lines (log records, CloudWatch EMF) to stdout, and
// warnings and errors to stderr: this catches both while `fn` runs, instead of printing them.
import { vi } from 'vitest';

type Line = Record<string, unknown>;

export const captureOutput = async <T>(fn: () => Promise<T>): Promise<{ result: T; lines: Line[] }> => {
  const chunks: string[] = [];
  const catchWrites = (stream: NodeJS.WriteStream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
  const spies = [catchWrites(process.stdout), catchWrites(process.stderr)];
  try {
    const result = await fn();
    return { result, lines: parseLines(chunks.join('')) };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
};

const parseLines = (text: string): Line[] =>
  text
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as Line);

/** The CloudWatch EMF records among `lines` (the ones with an `_aws` member). */
export const emfRecords = (lines: readonly Line[]): Line[] => lines.filter((l) => '_aws' in l);

/** The log records among `lines`. */
export const logRecords = (lines: readonly Line[]): Line[] => lines.filter((l) => !('_aws' in l));
