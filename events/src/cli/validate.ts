// `npm run validate -- [--json] <file | ->`: see validate-command.ts.
import { readFileSync } from 'node:fs';
import { runValidate } from './validate-command';

process.exitCode = runValidate(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readStdin: () => readFileSync(0, 'utf8'),
});
