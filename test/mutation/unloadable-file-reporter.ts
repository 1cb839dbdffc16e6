// A reporter for the mutation runs (vitest.mutation.config.ts). A mutant in code that runs when a
// module loads (a schema, a constant) can make the module throw on import: the test file then
// fails without collecting a test, and Stryker's vitest runner, which reads only the tests it
// finds, counts that mutant as survived (stryker-js issue #6150). Here a test file that failed
// to load gets one failed test carrying its load error, so the mutant counts as caught.
import type { RunnerTestCase } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

export default class UnloadableFileReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) {
      if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
      // Only what the runner reads of a test is set: vitest builds the rest (its context) itself.
      const loadFailure = {
        type: 'test',
        id: `${file.id}_load`,
        name: 'loads',
        fullName: `${file.name} loads`,
        fullTestName: 'loads',
        mode: 'run',
        file,
        suite: file,
        meta: {},
        timeout: 0,
        annotations: [],
        artifacts: [],
        result: { state: 'fail', errors: file.result.errors ?? [] },
      } as unknown as RunnerTestCase;
      file.tasks.push(loadFailure);
    }
  }
}
