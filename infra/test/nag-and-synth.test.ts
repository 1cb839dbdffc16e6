import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureColdImports, probeImport } from '../../packages/local/src/bench/import-probe';
import { BUNDLE_LIMITS } from '../lib/functions';
import { synthesizeStack } from './support';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The installed packages a bundle draws on (its source map's sources), keyed as in package-lock.json. */
const bundledPackages = (sourceMap: string): string[] => {
  const { sources } = JSON.parse(readFileSync(sourceMap, 'utf8')) as { sources: string[] };
  const packages = sources.map((s) => /(node_modules\/(?:@[^/]+\/)?[^/]+(?:\/node_modules\/(?:@[^/]+\/)?[^/]+)*)\//.exec(s)?.[1]);
  return [...new Set(packages.filter((p) => p !== undefined))].sort();
};

interface ValidationReport {
  pluginReports: { pluginName: string; conclusion: 'success' | 'failure'; violations: { ruleName: string }[] }[];
}

/** The rules each pack found when it stopped the synthesis (read from the report the error names). */
const findingsStoppingSynth = (app: App): Record<string, string[]> => {
  let message = '';
  try {
    app.synth();
  } catch (error) {
    message = (error as Error).message;
  }
  const reportFile = /found in: (\S+)/.exec(message)?.[1];
  if (reportFile === undefined) throw new Error(`the synthesis was not stopped by the validation: ${message || 'it passed'}`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ValidationReport;
  return Object.fromEntries(report.pluginReports.filter((p) => p.conclusion === 'failure').map((p) => [p.pluginName, p.violations.map((v) => v.ruleName)]));
};

describe('cdk-nag', () => {
  it.each(['AwsSolutions', 'Serverless'])(
    '%s passes on the stack, with every acknowledgement justified in nag-acknowledgements.ts',
    (pack) => {
      const { assembly } = synthesizeStack();
      const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as ValidationReport;
      const nag = report.pluginReports.find((p) => p.pluginName === pack)!;
      expect(nag.violations).toEqual([]);
      expect(nag.conclusion).toBe('success');
    },
    120_000,
  );

  // A queue with neither a dead-letter queue nor a redrive policy: a finding of each pack.
  it.each([
    ['AwsSolutions', (app: App): NagPack => new AwsSolutionsChecks(app), 'AwsSolutions-SQS3'],
    ['Serverless', (app: App): NagPack => new ServerlessChecks(app), 'Serverless-SQSRedrivePolicy'],
  ])('%s fails the synthesis on a finding nobody acknowledged (the check is live)', (pack, checks, rule) => {
    const app = new App();
    const stack = new Stack(app, 'Unreviewed');
    new sqs.Queue(stack, 'QueueWithoutDeadLetters');
    Validations.of(app).addPlugins(checks(app));
    expect(findingsStoppingSynth(app)[pack]).toContain(rule);
  });
});

describe('npx cdk synth', () => {
  const out = mkdtempSync(join(tmpdir(), 'cdk-out-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('AWS_') && !k.startsWith('CDK_')) env[k] = v;
  let synth: ReturnType<typeof spawnSync>;
  let seconds: number;
  /** The functions' bundles, by the logical id of their function. */
  let bundles: { function: string; file: string; bytes: number }[] = [];

  beforeAll(() => {
    const started = Date.now();
    synth = spawnSync('npx', ['cdk', 'synth', '--quiet', '--output', out], { encoding: 'utf8', env: { ...env, AWS_EC2_METADATA_DISABLED: 'true' } });
    seconds = (Date.now() - started) / 1000;
    if (synth.status !== 0) return;
    const template = JSON.parse(readFileSync(join(out, 'Modellregionen.template.json'), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }>;
    };
    // The other function is the deployment function aws-s3-deployment brings, in Python.
    bundles = Object.entries(template.Resources)
      .filter(([, r]) => r.Type === 'AWS::Lambda::Function')
      .map(([id, r]) => ({ function: id, file: join(out, `asset.${r.Properties.Code?.S3Key?.replace(/\.zip$/, '')}`, 'index.mjs') }))
      .filter((b) => existsSync(b.file))
      .map((b) => ({ ...b, bytes: statSync(b.file).size }));
  }, 120_000);

  it('works offline with no credentials in under a minute', () => {
    expect(synth.status, String(synth.stderr)).toBe(0);
    expect(seconds).toBeLessThan(60);
  });

  it('bundles each function so that it loads as the Lambda runtime loads it (ESM) and exports its handler', () => {
    expect(bundles.map((b) => b.function).sort()).toEqual([
      expect.stringMatching(/^BackendFunctionsAggregate[0-9A-F]{8}$/),
      expect.stringMatching(/^BackendFunctionsApiRead[0-9A-F]{8}$/),
      expect.stringMatching(/^BackendFunctionsApiWrite[0-9A-F]{8}$/),
      expect.stringMatching(/^BackendFunctionsWebhooks[0-9A-F]{8}$/),
    ]);
    for (const b of bundles) {
      const probe = probeImport(b.file, env);
      expect(probe.handler, probe.stderr).toBe('function');
    }
  });

  it(`keeps each bundle within ${BUNDLE_LIMITS.bytes / 1024} KB, and its cold import within ${BUNDLE_LIMITS.coldImportPerBareNode} times a bare node -e ""`, () => {
    // What importing a bundle adds to a fresh process (its module-level code included), next to a
    // bare `node -e ""` measured in the same run.
    const cold = measureColdImports(
      bundles.map((b) => b.file),
      { env },
    );
    const measured = bundles.map((b, i) => {
      const overBareMs = cold.coldImportMs[i]! - cold.bareNodeMs;
      return { function: b.function, bytes: b.bytes, overBareMs: Math.round(overBareMs), perBareNode: Number((overBareMs / cold.bareNodeMs).toFixed(2)) };
    });
    console.info(`cdk synth took ${seconds.toFixed(1)} s; bare node -e "" ${cold.bareNodeMs.toFixed(1)} ms of CPU; bundles:`, measured);
    for (const b of measured) {
      expect(b.bytes, b.function).toBeLessThanOrEqual(BUNDLE_LIMITS.bytes);
      expect(b.perBareNode, b.function).toBeLessThanOrEqual(BUNDLE_LIMITS.coldImportPerBareNode);
    }
  }, 60_000);

  it("leaves out of every bundle what a function never runs: zod's other locales, the AWS SDK's clients (the functions call AWS through @modellregionen/aws-json), the OpenAPI generator", () => {
    for (const b of bundles) {
      const { sources } = JSON.parse(readFileSync(`${b.file}.map`, 'utf8')) as { sources: string[] };
      const leftOut = sources.filter((s) =>
        /zod\/v4\/locales\/(?!en\.js)|@aws-sdk\/(?!util-dynamodb\/)|@smithy\/|zod-to-openapi|packages\/api\/src\/openapi\.ts/.test(s),
      );
      expect(leftOut, b.function).toEqual([]);
      expect(
        sources.some((s) => s.includes('packages/aws-json/src/client.ts')),
        b.function,
      ).toBe(true);
    }
  });

  it('ships nothing npm installs for development only (the CDK, cdk-nag, the test tools) in a function', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    for (const b of bundles) {
      const packages = bundledPackages(`${b.file}.map`);
      expect(packages, b.function).toContain('node_modules/zod');
      expect(
        packages.filter((p) => lock.packages[p] === undefined),
        b.function,
      ).toEqual([]);
      expect(
        packages.filter((p) => lock.packages[p]?.dev === true),
        b.function,
      ).toEqual([]);
    }
  });

  it('gives a template in which cfn-lint finds no errors', () => {
    const lint = spawnSync('cfn-lint', [join(out, 'Modellregionen.template.json')], { encoding: 'utf8' });
    if (lint.error) {
      console.info('cfn-lint is not installed: skipped');
      return;
    }
    const errors = lint.stdout.split('\n').filter((line) => /^E\d{4}/.test(line));
    expect(errors, lint.stdout).toEqual([]);
    // 0: clean; 4: warnings only (CDK's explicit DependsOn next to a GetAtt, W3005).
    expect([0, 4], lint.stdout).toContain(lint.status);
  });
});
