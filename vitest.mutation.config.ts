// The tests that mutation testing (`npm run mutate`, test/mutation/run.ts) runs against each
// mutant: the unit and property tests of the package it mutates (MUTATION_TESTS names its
// directory; all the mutated packages' when unset), the tests that check the store's code against
// the embedded store among them. Integration and end-to-end tests (the pipeline on a store, the
// local runtime, other processes) take seconds per run and would make each of the thousands of
// mutant runs as slow; the tests run here specify what they check of these packages.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import UnloadableFileReporter from './test/mutation/unloadable-file-reporter';
import base from './vitest.config';

const MUTATED = ['events', 'packages/domain', 'packages/store', 'packages/aggregation', 'packages/webhooks', 'packages/aws-json'];
const SLOW_TESTS = ['**/*.integration.test.ts', '**/*.e2e.test.ts'];
const only = process.env.MUTATION_TESTS;

/**
 * Stryker mutates a copy of the tree and runs the tests there, but the node_modules it links in
 * resolve `@modellregionen/*` to the original sources. Resolving each workspace to its sources
 * next to this file makes the tests load the mutated copy.
 */
const WORKSPACES: Record<string, string> = {
  events: 'events',
  domain: 'packages/domain',
  store: 'packages/store',
  aggregation: 'packages/aggregation',
  webhooks: 'packages/webhooks',
  'lambda-kit': 'packages/lambda-kit',
  'aws-json': 'packages/aws-json',
};

/**
 * A mutant run stops at the first failing test. Vitest runs the slowest files first (best for a
 * full run on many workers); here the file that failed last runs first (it caught the previous
 * mutant, which sits in nearby code), then the quickest, so that a mutant is caught in the
 * quickest run that can catch it.
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const last = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`) ?? { failed: false, duration: 0 };
    return [...files].sort((a, b) => {
      const [ra, rb] = [last(a), last(b)];
      return ra.failed === rb.failed ? ra.duration - rb.duration : ra.failed ? -1 : 1;
    });
  }
}

export default defineConfig({
  ...base,
  resolve: {
    alias: Object.entries(WORKSPACES).map(([name, dir]) => ({
      find: new RegExp(`^@modellregionen/${name}$`),
      replacement: fileURLToPath(new URL(`${dir}/src/index.ts`, import.meta.url)),
    })),
  },
  test: {
    ...base.test,
    include: (only === undefined ? MUTATED : [only]).map((dir) => `${dir}/test/**/*.test.ts`),
    exclude: [...(base.test?.exclude ?? []), ...SLOW_TESTS],
    setupFiles: ['test/mutation/setup.ts'],
    sequence: { sequencer: QuickestFirst },
    reporters: ['default', new UnloadableFileReporter()],
  },
});
