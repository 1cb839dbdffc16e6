// Setup of the mutation runs (vitest.mutation.config.ts). A mutant is caught by the first failing
// example of a property; shrinking that example to the smallest one only explains a failure to a
// person, and on these generators it can take longer than the mutant's time limit.
import fc from 'fast-check';

fc.configureGlobal({ endOnFailure: true });
