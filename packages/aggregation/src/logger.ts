/** The slice of a structured logger the pipeline uses; Powertools' Logger fits it. */
export interface PipelineLogger {
  info(message: string, attributes?: Record<string, unknown>): void;
  warn(message: string, attributes?: Record<string, unknown>): void;
  error(message: string, attributes?: Record<string, unknown>): void;
}

export const silentLogger: PipelineLogger = { info() {}, warn() {}, error() {} };
