// Writes events/json-schema/<DetailType>.schema.json from the zod schemas (`npm run schemas`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFileName, jsonSchemas } from '../json-schema';

export const JSON_SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'json-schema');

mkdirSync(JSON_SCHEMA_DIR, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  const file = join(JSON_SCHEMA_DIR, jsonSchemaFileName(name));
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
