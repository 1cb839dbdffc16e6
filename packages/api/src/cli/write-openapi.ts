// Writes the OpenAPI document the Lambda functions serve, packages/api/src/lambda/openapi.json,
// from the routes and the shipped catalogue (`npm run openapi`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PREBUILT_OPENAPI_FILE } from '../lambda/prebuilt-openapi';
import { buildOpenApiDocument } from '../openapi';
import { ROUTES } from '../routes';

writeFileSync(PREBUILT_OPENAPI_FILE, `${JSON.stringify(buildOpenApiDocument(ROUTES), null, 2)}\n`);
console.log(`wrote ${fileURLToPath(PREBUILT_OPENAPI_FILE)}`);
