import * as z from 'zod';

const record = z.record(z.string(), z.unknown());

/**
 * The served OpenAPI document, at its top level; what lies below is OpenAPI's own schema, which
 * the tests hold the document to with an OpenAPI validator.
 */
export const openApiDocumentSchema = z
  .strictObject({
    openapi: z.literal('3.1.0'),
    info: z.strictObject({ title: z.string(), version: z.string(), description: z.string() }),
    servers: z.array(z.strictObject({ url: z.url() })),
    security: z.array(z.record(z.string(), z.array(z.string()))),
    tags: z.array(z.strictObject({ name: z.string(), description: z.string() })),
    components: z.strictObject({ securitySchemes: record, schemas: record, parameters: record.optional() }),
    paths: z.record(z.string().startsWith('/'), z.partialRecord(z.enum(['get', 'post', 'delete']), record)),
    webhooks: record.optional(),
  })
  .meta({ id: 'OpenApiDocument', description: 'This document (OpenAPI 3.1).' });

export type OpenApiDocument = z.output<typeof openApiDocumentSchema>;
