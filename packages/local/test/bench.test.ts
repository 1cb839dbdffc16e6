import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBench } from '../src/bench/bench';
import { writeResults } from '../src/bench/report';
import type { BenchResults } from '../src/bench/results';

// A short run: the full one (`npm run bench`) takes minutes and writes bench/; this one writes
// to a directory of its own.
const REGION_SIZES = [20, 60];
const HISTORY_SIZES = [60, 180];

const SCALARS = [
  'wcuPerAcceptedEvent',
  'rcuPerAcceptedEvent',
  'wcuPerAcceptedEventMixed',
  'rcuPerAcceptedEventMixed',
  'wcuPerDuplicate',
  'rcuPerDuplicate',
  'ingestEventsPerSecond',
  'rawStorePutsPerSecond',
  'ingestRatio',
  'baselineWcuPerAcceptedEvent',
  'baselineRcuPerAcceptedEvent',
  'baselineWcuPerDuplicate',
  'bareNodeMs',
] as const;

let dir: string;
let results: BenchResults;
let written: BenchResults;
let report: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
  results = await runBench({
    regionSizes: REGION_SIZES,
    historySizes: HISTORY_SIZES,
    measuredBatches: 2,
    throughputEvents: 100,
    concurrency: 2,
    seedProcesses: 1,
    bundles: false,
  });
  writeResults(dir, results);
  written = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as BenchResults;
  report = readFileSync(join(dir, 'RESULTS.md'), 'utf8');
}, 240_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run bench (a short run)', () => {
  it('writes results.json with every figure, the sized ones keyed by the sizes measured', () => {
    expect(written).toEqual(results);
    for (const key of SCALARS) expect(typeof written[key], key).toBe('number');
    const bySize = (o: Record<string, number>) => Object.keys(o).sort((a, b) => Number(a) - Number(b));
    expect(bySize(written.wcuPerAcceptedEventByRegionSize)).toEqual(REGION_SIZES.map(String));
    expect(bySize(written.rcuPerAcceptedEventByRegionSize)).toEqual(REGION_SIZES.map(String));
    expect(bySize(written.rcuPerCompetenceCircleRead)).toEqual(HISTORY_SIZES.map(String));
    expect(bySize(written.rcuPerAsOfRead)).toEqual(HISTORY_SIZES.map(String));
    expect(written.bundles).toEqual({});
    expect(written.machine).toEqual({
      cpu: expect.any(String),
      cores: expect.any(Number),
      node: process.version,
      platform: expect.any(String),
      date: expect.any(String),
    });
    expect(written.run).toMatchObject({ mode: 'custom', regionSizes: REGION_SIZES, historySizes: HISTORY_SIZES, measuredReports: 20, asOf: '2012-02-29' });
    expect(written.run.cpuSeconds).toBeGreaterThan(0);
  });

  it('measures what accepted reports, reads and the baseline cost, and how fast both paths write', () => {
    for (const key of SCALARS.filter((k) => k !== 'wcuPerDuplicate' && k !== 'baselineWcuPerDuplicate')) expect(results[key], key).toBeGreaterThan(0);
    for (const bySize of [
      results.wcuPerAcceptedEventByRegionSize,
      results.rcuPerAcceptedEventByRegionSize,
      results.rcuPerCompetenceCircleRead,
      results.rcuPerAsOfRead,
    ]) {
      for (const value of Object.values(bySize)) expect(value).toBeGreaterThan(0);
    }
    // The plain keys are the figures at the first region size.
    expect(results.wcuPerAcceptedEvent).toBe(results.wcuPerAcceptedEventByRegionSize[String(REGION_SIZES[0])]);
    expect(results.rcuPerAcceptedEvent).toBe(results.rcuPerAcceptedEventByRegionSize[String(REGION_SIZES[0])]);
    expect(results.ingestRatio).toBeCloseTo(results.ingestEventsPerSecond / results.rawStorePutsPerSecond, 2);
  });

  it('costs a redelivered report no write, and a competence-circle read the same however long the history', () => {
    expect(results.wcuPerDuplicate).toBe(0);
    const [small, large] = HISTORY_SIZES.map((s) => results.rcuPerCompetenceCircleRead[String(s)]);
    expect(large).toBe(small);
  });

  it('holds each figure to its bar: the limits as stated, pass exactly when the figure meets its limit', () => {
    const limit = (prefix: string) => results.bars.find((b) => b.bar.startsWith(prefix))?.limit;
    const [smallRegion, largeRegion] = REGION_SIZES.map(String);
    const [smallHistory] = HISTORY_SIZES.map(String);
    expect(limit('rcuPerCompetenceCircleRead at')).toBeCloseTo(1.1 * results.rcuPerCompetenceCircleRead[smallHistory!]!, 6);
    expect(limit('rcuPerAsOfRead at')).toBeCloseTo(1.1 * results.rcuPerAsOfRead[smallHistory!]!, 6);
    expect(limit(`rcuPerAcceptedEvent at ${largeRegion} items`)).toBeCloseTo(1.1 * results.rcuPerAcceptedEventByRegionSize[smallRegion!]!, 6);
    expect(limit(`wcuPerAcceptedEvent at ${largeRegion} items`)).toBeCloseTo(1.1 * results.wcuPerAcceptedEventByRegionSize[smallRegion!]!, 6);
    expect(limit('wcuPerAcceptedEvent at most')).toBe(2.5);
    expect(limit('wcuPerAcceptedEventMixed at most')).toBe(3);
    expect(limit('wcuPerAcceptedEvent below')).toBe(results.baselineWcuPerAcceptedEvent);
    expect(limit('wcuPerAcceptedEventMixed below')).toBe(results.baselineWcuPerAcceptedEvent);
    expect(limit('ingestRatio')).toBe(0.5);
    expect(results.bars).toHaveLength(9);
    for (const b of results.bars) {
      const met = b.comparison === '<=' ? b.value <= b.limit : b.comparison === '<' ? b.value < b.limit : b.value >= b.limit;
      expect(b.pass, b.bar).toBe(met);
    }
  });

  it('writes RESULTS.md: the machine, every bar with pass or fail, and how to run it again', () => {
    expect(report).toContain(results.machine.cpu);
    expect(report).toContain(`Node ${process.version}`);
    for (const b of results.bars)
      expect(report).toMatch(new RegExp(`\\| ${b.bar.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| .* \\| ${b.pass ? 'pass' : '\\*\\*FAIL\\*\\*'} \\|`));
    expect(report).toContain('npm run bench');
    expect(report).toContain('ByRegionSize');
  });
});
