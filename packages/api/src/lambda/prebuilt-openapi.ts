// GET /v1/openapi.json in the Lambda functions: the document generated ahead of time from the
// routes and the shipped catalogue (`npm run openapi`; a test fails when it is stale), so that the
// functions carry no OpenAPI generator. It is read on the first request, not at a cold start; the
// bundling puts it next to the function's index.mjs, as it lies next to this module.
import { readFileSync } from 'node:fs';
import { type OpenApiDocument, openApiDocumentSchema } from '../schemas/openapi-document';

/** The prebuilt document, for the local runtime's address (the one its `servers` names). */
export const PREBUILT_OPENAPI_FILE = new URL('./openapi.json', import.meta.url);

let prebuilt: OpenApiDocument | undefined;

/** The prebuilt document as served at `serverUrl`. */
export const prebuiltOpenApiDocument = (serverUrl: string): OpenApiDocument => {
  prebuilt ??= openApiDocumentSchema.parse(JSON.parse(readFileSync(PREBUILT_OPENAPI_FILE, 'utf8')));
  return { ...prebuilt, servers: [{ url: serverUrl }] };
};
