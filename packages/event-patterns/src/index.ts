export { InvalidEventPatternError } from './errors';
export { compilePattern, type EventMatcher, type EventPattern, matchesPattern, parseEventJson, parsePattern } from './pattern';
