export { InvalidEventPatternError } from './errors';
export { compilePattern, matchesPattern, parseEventJson, parsePattern } from './pattern';
