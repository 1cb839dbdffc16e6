import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { probeImport } from '../../packages/local/src/bench/import-probe';
import { synthesizeStack } from './support';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The installed packages a bundle draws on (its source map's sources), keyed as in package-lock.json. */
const bundledPackages = (sourceMap: string): string[] => {
  const { sources } = JSON.parse(readFileSync(sourceMap, 'utf8')) as { sources: string[] };
  const packages = sources.map((s) => /(node_modules\/(?:@[^/]+\/)?[^/]+(?:\/node_modules\/(?:@[^/]+\/)?[^/]+)*)\//.exec(s)?.[1]);
  return [...new Set(packages.filter((p) => p !== undefined))].sort();
};

describe('cdk-nag AwsSolutions', () => {
  it('passes on the stack, with every acknowledgement justified in nag-acknowledgements.ts', () => {
    const { assembly } = synthesizeStack();
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; conclusion: 'success' | 'failure'; violations: unknown[] }[];
    };
    const nag = report.pluginReports.find((p) => p.pluginName.includes('AwsSolutions'))!;
    expect(nag.violations).toEqual([]);
    expect(nag.conclusion).toBe('success');
  }, 120_000);

  it('fails the synthesis on a finding nobody acknowledged (the check is live)', () => {
    const app = new App();
    const stack = new Stack(app, 'Unreviewed');
    new sqs.Queue(stack, 'QueueWithoutDeadLetters');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow();
  });
});

describe('npx cdk synth', () => {
  it('works offline with no credentials in under a minute, and cfn-lint finds no errors', () => {
    const out = mkdtempSync(join(tmpdir(), 'cdk-out-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('AWS_') && !k.startsWith('CDK_')) env[k] = v;
    const started = Date.now();
    const synth = spawnSync('npx', ['cdk', 'synth', '--quiet', '--output', out], { encoding: 'utf8', env: { ...env, AWS_EC2_METADATA_DISABLED: 'true' } });
    const seconds = (Date.now() - started) / 1000;
    expect(synth.status, synth.stderr).toBe(0);
    expect(seconds).toBeLessThan(60);

    const template = JSON.parse(readFileSync(join(out, 'Modellregionen.template.json'), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }>;
    };
    const functionOf = (hash: string) =>
      Object.entries(template.Resources).find(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.Code?.S3Key === `${hash}.zip`)?.[0];
    // The functions' bundles; the other assets are the web app's files and the deployment function aws-s3-deployment brings.
    const bundleDirs = readdirSync(out).filter((d) => d.startsWith('asset.') && existsSync(join(out, d, 'index.mjs')));
    const bundles = bundleDirs.map((d) => ({ function: functionOf(d.slice(6)), bytes: statSync(join(out, d, 'index.mjs')).size }));
    // Each bundle loads as the Lambda runtime would load it (ESM), and exports its handler.
    for (const b of bundles) {
      const dir = readdirSync(out).find((d) => functionOf(d.slice(6)) === b.function)!;
      const probe = probeImport(join(out, dir, 'index.mjs'), env);
      expect(probe.handler, probe.stderr).toBe('function');
      Object.assign(b, { importMs: probe.importMs });
    }
    console.info(`cdk synth took ${seconds.toFixed(1)} s; bundles (index.mjs, minified) and their import time:`, bundles);
    expect(bundles.map((b) => b.function).sort()).toEqual([
      expect.stringMatching(/^BackendFunctionsAggregate[0-9A-F]{8}$/),
      expect.stringMatching(/^BackendFunctionsApiRead[0-9A-F]{8}$/),
      expect.stringMatching(/^BackendFunctionsApiWrite[0-9A-F]{8}$/),
      expect.stringMatching(/^BackendFunctionsWebhooks[0-9A-F]{8}$/),
    ]);
    for (const b of bundles) expect(b.bytes).toBeLessThan(1024 * 1024);

    // What npm installs for development only (the CDK, cdk-nag, the test tools) stays out of the functions.
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    for (const dir of bundleDirs) {
      const packages = bundledPackages(join(out, dir, 'index.mjs.map'));
      expect(packages, dir).toContain('node_modules/zod');
      expect(
        packages.filter((p) => lock.packages[p] === undefined),
        dir,
      ).toEqual([]);
      expect(
        packages.filter((p) => lock.packages[p]?.dev === true),
        dir,
      ).toEqual([]);
    }

    const lint = spawnSync('cfn-lint', [join(out, 'Modellregionen.template.json')], { encoding: 'utf8' });
    if (lint.error) {
      console.info('cfn-lint is not installed: skipped');
      return;
    }
    const errors = lint.stdout.split('\n').filter((line) => /^E\d{4}/.test(line));
    expect(errors, lint.stdout).toEqual([]);
    // 0: clean; 4: warnings only (CDK's explicit DependsOn next to a GetAtt, W3005).
    expect([0, 4], lint.stdout).toContain(lint.status);
  }, 120_000);
});
