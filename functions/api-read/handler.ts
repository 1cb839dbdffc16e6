// HTTP API read routes (API Gateway HTTP API, payload 2.0). Wiring only; see @modellregionen/api.
import { apiHandlerFromEnv } from '@modellregionen/api/lambda';

export const handler = apiHandlerFromEnv(['read'], 'modellregionen-api-read');
