import { readFileSync } from 'node:fs';
import { type CodedFieldError, fieldError } from '../field-error-codes';
import { type Validator, validator as defaultValidator } from '../validate';

export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly readStdin: () => string;
}

const USAGE = [
  'usage: npm run validate -- [--json] <file.json | ->',
  '  checks one PutEvents entry { Source, DetailType, Detail } or a list of them',
  '  --json: one JSON document, each entry with its field errors (path, message, code, params)',
].join('\n');

/** The text of the file, or of standard input for `-`. */
const readText = (file: string, io: CommandIo): string => {
  if (file === '-') return io.readStdin();
  // Stryker disable next-line StringLiteral: JSON.parse reads a file's bytes as UTF-8 without it too
  return readFileSync(file, 'utf8');
};

/** The outcome of each entry of the file, by its index; a file that holds no entry is entry 0. */
type Outcome = { readonly index: number; readonly errors: readonly CodedFieldError[] };

const check = (text: string, validator: Validator): Outcome[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return [{ index: 0, errors: [fieldError('entry', 'invalid_json', `the file is not valid JSON (${(err as Error).message})`)] }];
  }
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  if (entries.length === 0) return [{ index: 0, errors: [fieldError('entry', 'too_few', 'the list holds no entries', { min: 1 })] }];
  return entries.map((entry, index) => {
    const result = validator.validatePutEventsEntry(entry);
    return { index, errors: result.ok ? [] : result.errors };
  });
};

/**
 * The coordinators' preflight: prints `ok` per valid entry and `<index> <path>: <message>` per
 * problem, or with `--json` one document `{ entries: [{ index, ok, errors }] }` whose field errors
 * carry their codes. Exit code 0 when all entries are valid, 1 when any is not, 2 for a usage error.
 */
export const runValidate = (args: readonly string[], io: CommandIo, validator: Validator = defaultValidator): number => {
  const json = args[0] === '--json';
  const [file, ...rest] = json ? args.slice(1) : args;
  if (file === undefined || rest.length > 0 || file === '--help' || file === '-h') {
    io.err(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = readText(file, io);
  } catch (err) {
    io.err(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 2;
  }
  const outcomes = check(text, validator);
  if (json) {
    io.out(JSON.stringify({ entries: outcomes.map((o) => ({ index: o.index, ok: o.errors.length === 0, errors: o.errors })) }, null, 2));
  } else {
    for (const { index, errors } of outcomes) {
      if (errors.length === 0) io.out('ok');
      for (const e of errors) io.out(`${index} ${e.path}: ${e.message}`);
    }
  }
  return outcomes.some((o) => o.errors.length > 0) ? 1 : 0;
};
