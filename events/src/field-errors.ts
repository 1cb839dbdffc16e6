import type { z } from 'zod';
import type { FieldError } from './rejected';

/**
 * zod's issues as field errors, the one way the reports' validator, the validate CLI, quarantine
 * and every 400 of the HTTP API word them: a dotted path per offending field (one per unknown
 * key), and "is required" for a missing one. Parse with `{ reportInput: true }`: a missing field
 * is told from a wrong one by the issue's input. `rename` maps a path to the name the reader
 * knows (a PutEvents entry's `DetailType` as the delivered envelope's `detail-type`).
 */
export const fieldErrorsOf = (issues: readonly z.core.$ZodIssue[], rename: (path: string) => string = (path) => path): FieldError[] =>
  issues.flatMap((issue): FieldError[] => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: rename([...base, key].join('.')), message: 'is not a known field' }));
    }
    // zod reports a missing field as a wrong type or option; say plainly that it is missing.
    const missing = issue.code !== 'custom' && 'input' in issue && issue.input === undefined;
    return [{ path: rename(base.join('.')), message: missing ? 'is required' : issue.message }];
  });
