import { readFileSync } from 'node:fs';
import { type Validator, validator as defaultValidator } from '../validate';

export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly readStdin: () => string;
}

const USAGE = 'usage: npm run validate -- <file.json | ->\n  checks one PutEvents entry { Source, DetailType, Detail } or a list of them';

/**
 * The coordinators' preflight: prints `ok` per valid entry and `<index> <path>: <message>` per
 * problem. Exit code 0 when all entries are valid, 1 when any is not, 2 for a usage error.
 */
export const runValidate = (args: readonly string[], io: CommandIo, validator: Validator = defaultValidator): number => {
  const [file, ...rest] = args;
  if (file === undefined || rest.length > 0 || file === '--help' || file === '-h') {
    io.err(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
  } catch (err) {
    io.err(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 2;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    io.out(`0 entry: the file is not valid JSON (${(err as Error).message})`);
    return 1;
  }
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  if (entries.length === 0) {
    io.out('0 entry: the list holds no entries');
    return 1;
  }
  let invalid = 0;
  entries.forEach((entry, index) => {
    const result = validator.validatePutEventsEntry(entry);
    if (result.ok) {
      io.out('ok');
      return;
    }
    invalid += 1;
    for (const e of result.errors) io.out(`${index} ${e.path}: ${e.message}`);
  });
  return invalid > 0 ? 1 : 0;
};
