import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { type Catalogue, fieldError, fieldErrorsOf } from '@modellregionen/events';
import { badRequest, notFound } from './errors';
import { readJsonBody } from './middleware/json-body';
import { type BodyDeclaration, type Declared, resolveSchema } from './route';

// Every schema is parsed with the input in its issues, so that a missing field reads "is required".
const WITH_INPUT = { reportInput: true } as const;

const decode = (name: string, value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    throw badRequest(`path parameter ${name} is not valid percent-encoding`, [fieldError(name, 'invalid_encoding', 'is not valid percent-encoding')]);
  }
};

/** The path parameters by their declaration: a value that names nothing is a 404, before the caller's role is looked at. */
export const parsePathParameters = (declared: Declared<z.ZodType> | undefined, event: APIGatewayProxyEventV2, catalogue: Catalogue): unknown => {
  const raw = Object.fromEntries(Object.entries(event.pathParameters ?? {}).map(([name, value]) => [name, decode(name, value ?? '')]));
  if (declared === undefined) return raw;
  const parsed = resolveSchema(declared, catalogue).safeParse(raw, WITH_INPUT);
  if (!parsed.success) throw notFound(parsed.error.issues[0]?.message ?? 'the path names nothing that exists');
  return parsed.data;
};

const andList = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The query by its declaration; parameters it does not name are ignored. */
export const parseQuery = (declared: Declared<z.ZodType> | undefined, event: APIGatewayProxyEventV2, catalogue: Catalogue): unknown => {
  if (declared === undefined) return {};
  const raw = Object.fromEntries(Object.entries(event.queryStringParameters ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k, v]])));
  const parsed = resolveSchema(declared, catalogue).safeParse(raw, WITH_INPUT);
  if (parsed.success) return parsed.data;
  const errors = fieldErrorsOf(parsed.error.issues);
  const names = [...new Set(errors.map((e) => e.path))];
  throw badRequest(`query parameter${names.length > 1 ? 's' : ''} ${andList(names)} ${names.length > 1 ? 'are' : 'is'} not valid`, errors);
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON body by its declaration (415, 413, 400 as json-body.ts reads it; then 400 with the field errors). */
export const parseBody = (declared: BodyDeclaration, event: APIGatewayProxyEventV2, catalogue: Catalogue): unknown => {
  const value = readJsonBody(event);
  if (!isObject(value)) throw badRequest('the body must be a JSON object');
  const parsed = resolveSchema(declared.schema, catalogue).safeParse(value, WITH_INPUT);
  if (!parsed.success) throw badRequest(declared.invalid, fieldErrorsOf(parsed.error.issues));
  return parsed.data;
};
