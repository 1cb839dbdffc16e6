import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runValidate } from '../src/cli/validate-command';

const detail = {
  schemaVersion: 1,
  regionId: 'wetzlar',
  revision: 1,
  reportedAt: '2012-02-10T09:30:00+01:00',
  reportedBy: 'Projektkoordination Integration Wetzlar',
  milestoneId: 'steuerungs-ag-eingerichtet',
  title: 'Steuerungs-AG eingerichtet',
  status: 'achieved',
  dueDate: '2010-03-31',
  achievedDate: '2010-03-15',
};
const entry = (d: object) => ({ Source: 'modellregion.wetzlar', DetailType: 'MilestoneReported', Detail: JSON.stringify(d) });

const run = (args: string[], stdin = '') => {
  const out: string[] = [];
  const err: string[] = [];
  const code = runValidate(args, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: () => stdin });
  return { code, out, err };
};

const tempFile = (content: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'validate-')), 'entry.json');
  writeFileSync(file, content);
  return file;
};

describe('npm run validate', () => {
  it('prints ok and exits 0 for a valid single entry', () => {
    expect(run([tempFile(JSON.stringify(entry(detail)))])).toEqual({ code: 0, out: ['ok'], err: [] });
  });

  it('prints one line per problem with the entry index and the path, and exits 1', () => {
    const bad = entry({ ...detail, status: 'planned' });
    const result = run(['-'], JSON.stringify([entry(detail), bad, { ...entry(detail), Source: 'modellregion.kassel' }]));
    expect(result.code).toBe(1);
    expect(result.out).toEqual([
      'ok',
      '1 achievedDate: must be given only when status is achieved (status is planned)',
      '2 regionId: must equal the region of the source ("kassel")',
    ]);
  });

  it('names the envelope fields as the delivered event does', () => {
    const result = run(['-'], JSON.stringify({ Source: 'modellregion.wetzlar', DetailType: 'MilestoneReported', Detail: '{oops' }));
    expect(result.code).toBe(1);
    expect(result.out[0]).toMatch(/^0 detail: is not valid JSON/);
  });

  it('exits 1 for a file that is not JSON, and 2 for a usage error or an unreadable file', () => {
    expect(run([tempFile('not json')]).code).toBe(1);
    expect(run([]).code).toBe(2);
    expect(run(['/nonexistent/file.json'])).toMatchObject({ code: 2, err: ['cannot read /nonexistent/file.json: ENOENT'] });
  });

  it("with --json, gives each entry's field errors with their codes and parameters, and the same exit code", () => {
    const bad = entry({ ...detail, status: 'planned' });
    const result = run(['--json', '-'], JSON.stringify([entry(detail), bad, { ...entry(detail), Source: 'modellregion.kassel' }]));
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out.join('\n'))).toEqual({
      entries: [
        { index: 0, ok: true, errors: [] },
        {
          index: 1,
          ok: false,
          errors: [
            {
              path: 'achievedDate',
              message: 'must be given only when status is achieved (status is planned)',
              code: 'only_when_achieved',
              params: { status: 'planned' },
            },
          ],
        },
        {
          index: 2,
          ok: false,
          errors: [{ path: 'regionId', message: 'must equal the region of the source ("kassel")', code: 'region_mismatch', params: { regionId: 'kassel' } }],
        },
      ],
    });
    expect(run(['--json', tempFile(JSON.stringify(entry(detail)))])).toMatchObject({ code: 0 });
    expect(JSON.parse(run(['--json', tempFile('not json')]).out.join('\n'))).toEqual({
      entries: [{ index: 0, ok: false, errors: [{ path: 'entry', message: expect.stringMatching(/^the file is not valid JSON/), code: 'invalid_json' }] }],
    });
    expect(run(['--json']).code).toBe(2);
  });

  it('says the same of an empty list with and without --json', () => {
    expect(run(['-'], '[]')).toEqual({ code: 1, out: ['0 entry: the list holds no entries'], err: [] });
    expect(JSON.parse(run(['--json', '-'], '[]').out.join('\n')).entries[0].errors[0]).toEqual({
      path: 'entry',
      message: 'the list holds no entries',
      code: 'too_few',
      params: { min: 1 },
    });
  });

  it('explains its use on --help, -h, no file or more than one, and exits 2 without reading anything', () => {
    const usage = [
      'usage: npm run validate -- [--json] <file.json | ->',
      '  checks one PutEvents entry { Source, DetailType, Detail } or a list of them',
      '  --json: one JSON document, each entry with its field errors (path, message, code, params)',
    ].join('\n');
    const valid = JSON.stringify(entry(detail));
    for (const args of [['--help'], ['-h'], [], ['--json'], ['-', 'extra.json'], ['--json', '-', '-']]) {
      expect(run(args, valid), args.join(' ')).toEqual({ code: 2, out: [], err: [usage] });
    }
  });

  it('works as the npm script, through a real process', () => {
    const file = tempFile(JSON.stringify([entry({ ...detail, revision: 0 })]));
    const proc = spawnSync('npm', ['run', '-s', 'validate', '--', file], { encoding: 'utf8' });
    expect(proc.status).toBe(1);
    expect(proc.stdout.trim()).toBe('0 revision: must be at least 1');
  });
});
