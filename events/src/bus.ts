/**
 * The name of the custom bus the regions put their events on (SPEC: `modellregionen`, configurable).
 * The CDK stack and the local runtime name their bus this unless told otherwise.
 */
export const DEFAULT_BUS_NAME = 'modellregionen';
