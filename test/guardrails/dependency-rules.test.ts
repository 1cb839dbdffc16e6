// The dependency rules of .dependency-cruiser.cjs, which `npm test` checks over the whole tree,
// catch what they are for: shown on a small tree in a temporary directory, so the real one stays
// as it is.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');

/** Runs the project's rules over a tree of the given files; resolves with the rules broken. */
const violations = async (files: Record<string, string>): Promise<string[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'depcruise-'));
  cpSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', allowImportingTsExtensions: true, noEmit: true } }),
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  let output: string;
  try {
    const tops = [...new Set(Object.keys(files).map((path) => path.split('/')[0]!))];
    output = (await promisify(execFile)(DEPCRUISE, ['--validate', '.dependency-cruiser.cjs', ...tops], { cwd: dir })).stdout;
  } catch (err) {
    output = String((err as { stdout?: string }).stdout);
  }
  return [...new Set([...output.matchAll(/^\s*error ([\w-]+):/gm)].map((m) => m[1]!))].sort();
};

const events = { 'events/src/index.ts': 'export const x = 1;\n' };

describe('the dependency rules', () => {
  it('pass a tree that keeps the layers', async () => {
    expect(
      await violations({
        ...events,
        'packages/domain/src/index.ts': "import { x } from '../../../events/src/index.ts';\nexport const y = x;\n",
        'functions/aggregate/handler.ts': "import { y } from '../../packages/domain/src/index.ts';\nexport const handler = () => y;\n",
      }),
    ).toEqual([]);
  });

  it('fail on an import cycle', async () => {
    expect(
      await violations({
        ...events,
        'packages/domain/src/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
        'packages/domain/src/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
      }),
    ).toContain('no-circular');
  });

  it('fail when a Lambda function reaches local-only code, even through another module', async () => {
    expect(
      await violations({
        ...events,
        'packages/local/src/dev-issuer.ts': 'export const sign = () => 1;\n',
        'packages/api/src/helper.ts': "import { sign } from '../../local/src/dev-issuer.ts';\nexport const h = sign;\n",
        'functions/api-read/handler.ts': "import { h } from '../../packages/api/src/helper.ts';\nexport const handler = h;\n",
      }),
    ).toEqual(['layer-api', 'no-local-in-lambda']);
  });

  it('fail when an earlier layer imports a later one', async () => {
    expect(
      await violations({
        ...events,
        'packages/store/src/index.ts': "import { run } from '../../aggregation/src/index.ts';\nexport const s = run;\n",
        'packages/aggregation/src/index.ts': 'export const run = () => 1;\n',
      }),
    ).toEqual(['layer-store']);
  });
});
