/**
 * Thrown for a pattern that EventBridge would refuse with `InvalidEventPatternException`.
 *
 * The message follows AWS: `Event pattern is not valid. Reason: <reason>`, with the reason worded as
 * aws/event-ruler's `JsonRuleCompiler` words it (AWS appends Jackson's source location, which is left out).
 */
export class InvalidEventPatternError extends Error {
  override readonly name = 'InvalidEventPatternError';
  /** The reason alone, without the `Event pattern is not valid. Reason: ` prefix. */
  readonly reason: string;

  constructor(reason: string) {
    super(`Event pattern is not valid. Reason: ${reason}`);
    this.reason = reason;
  }
}

/** Refuses a pattern; a declaration (not an arrow) so that a call narrows the code after it. */
export function invalid(reason: string): never {
  throw new InvalidEventPatternError(reason);
}
