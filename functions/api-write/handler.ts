// HTTP API write routes: validate, then publish to the bus. Wiring only; see @modellregionen/api.
import { apiHandlerFromEnv } from '@modellregionen/api/lambda';

export const handler = apiHandlerFromEnv(['write'], 'modellregionen-api-write');
