export { InvalidEventPatternError } from './errors';
export { compilePattern, type EventMatcher, type EventPattern, matchesPattern, parsePattern } from './pattern';
