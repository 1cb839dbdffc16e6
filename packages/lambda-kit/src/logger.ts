/** Structured attributes of one log line. */
type LogAttributes = Record<string, unknown>;

/**
 * The slice of a structured logger the write path logs through. Its methods take the attributes
 * as rest parameters, as Powertools' Logger does, so that a `Logger` is one as it is (checked by
 * the type test in test/logger.test.ts) and no adapter sits between them.
 */
export interface StructuredLogger {
  info(message: string, ...attributes: LogAttributes[]): void;
  warn(message: string, ...attributes: LogAttributes[]): void;
  error(message: string, ...attributes: LogAttributes[]): void;
}

export const silentLogger: StructuredLogger = { info() {}, warn() {}, error() {} };
