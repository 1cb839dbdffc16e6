import * as z from 'zod';
import { DETAIL_TYPES, type DetailSchemas, detailSchemas } from './details';
import { eventRejectedSchema } from './rejected';

/** The schemas as the regions write their reports: zod's default, the output, reads the same for these. */
// Stryker disable next-line StringLiteral: for these schemas the output reads as the input
const AS_WRITTEN = 'input';

/**
 * JSON Schema (2020-12) of each detail-type, for regions whose tooling is not TypeScript.
 * Cross-field rules (achievedDate iff achieved, value ranges per indicator, ...) cannot be said
 * in JSON Schema; each document points to the validator that enforces them.
 */
export const jsonSchemas = (schemas: DetailSchemas = detailSchemas): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  const all = { ...schemas, EventRejected: eventRejectedSchema };
  for (const [name, schema] of Object.entries(all)) {
    out[name] = {
      $id: `urn:modellregionen:schema:${name}:1`,
      title: name,
      description: DETAIL_TYPES.includes(name as (typeof DETAIL_TYPES)[number])
        ? `Detail of a ${name} event (schemaVersion 1). Cross-field rules are enforced by \`npm run validate\`.`
        : `Detail of ${name}, published with Source modellregionen.validation.`,
      // Stryker disable next-line ObjectLiteral: zod's defaults (2020-12, the output) describe these schemas alike
      ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: AS_WRITTEN }),
    };
  }
  return out;
};

export const jsonSchemaFileName = (name: string): string => `${name}.schema.json`;
