import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import type { Catalogue } from '@modellregionen/events';
import type { Access, PrincipalOf } from './access';
import type { ApiDeps } from './context';
import type { Tag } from './tags';

/** Which deployed function serves a route: writers publish to the bus or write the table, readers query it. */
export type ApiFunction = 'read' | 'write';
type Method = 'GET' | 'POST' | 'DELETE';

/** A schema, or a function that builds it from the catalogue the API serves (its region and indicator ids). */
export type Declared<S> = S | ((catalogue: Catalogue) => S);

export interface BodyDeclaration<S = z.ZodType> {
  /** Of a JSON object; every body of this API is one. */
  readonly schema: Declared<S>;
  /** The message of the 400 when the body does not hold to the schema (the field errors are its details). */
  readonly invalid: string;
  readonly description: string;
}

interface RequestDeclaration<P extends z.ZodObject | undefined, Q extends z.ZodObject | undefined, B extends z.ZodType | undefined> {
  /** Every `{name}` of the path. A value the schema refuses names nothing: a 404 with the schema's message. */
  readonly params?: Declared<P>;
  /** Unknown query parameters are ignored; a known one the schema refuses is a 400. */
  readonly query?: Declared<Q>;
  readonly body?: BodyDeclaration<B>;
}

export type SuccessStatus = 200 | 201 | 202 | 204;

interface SuccessResponse<S extends z.ZodType = z.ZodType> {
  readonly description: string;
  /** The body; without one the response has none (204). */
  readonly schema?: S;
  /** Default `application/json`; any other type is text, sent as UTF-8. */
  readonly mediaType?: string;
}

export type SuccessResponses = { readonly [S in SuccessStatus]?: SuccessResponse };

/**
 * The errors a handler raises itself, with what they mean on this route (`true`: the usual
 * meaning). The router's own follow from the declaration: 400 for a request that does not hold to
 * it, 401 and 403 unless public, 404 for path parameters, 413 and 415 for a body, 500 always.
 */
type HandlerErrors = { readonly [S in 400 | 404 | 409 | 502 | 503]?: string | true };

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler is given: its request parsed by its declaration, and the caller its access rule admits. */
interface HandlerInput<A extends Access, P, Q, B> {
  readonly deps: ApiDeps;
  readonly principal: PrincipalOf<A>;
  readonly params: P extends z.ZodType ? z.output<P> : Readonly<Record<string, never>>;
  readonly query: Q extends z.ZodType ? z.output<Q> : Readonly<Record<string, never>>;
  readonly body: Parsed<B>;
  /** The request as API Gateway passes it (for the host it was sent to). */
  readonly event: APIGatewayProxyEventV2;
}

/** What a handler answers: one of its declared statuses, with a body of that status's schema. */
type Reply<R extends SuccessResponses> = {
  [S in keyof R & SuccessStatus]: R[S] extends { readonly schema: infer T extends z.ZodType } ? { status: S; body: z.input<T> } : { status: S };
}[keyof R & SuccessStatus];

export interface RouteDeclaration<
  A extends Access,
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  R extends SuccessResponses,
> {
  /** The OpenAPI operationId. */
  readonly id: string;
  readonly method: Method;
  readonly path: string;
  readonly fn: ApiFunction;
  readonly access: A;
  readonly summary: string;
  /** More for the OpenAPI document; who may call the route is added from `access`. */
  readonly description?: string;
  readonly tags: readonly Tag[];
  readonly request?: RequestDeclaration<P, Q, B>;
  readonly responses: R;
  readonly errors?: HandlerErrors;
  readonly handler: (input: HandlerInput<A, P, Q, B>) => Promise<Reply<R>>;
}

/** A route of the table, its types erased: what the router, the document and the stack read. */
export interface Route extends Omit<RouteDeclaration<Access, z.ZodObject, z.ZodObject, z.ZodType, SuccessResponses>, 'handler'> {
  readonly handler: (input: {
    readonly deps: ApiDeps;
    readonly principal: PrincipalOf<Access>;
    readonly params: unknown;
    readonly query: unknown;
    readonly body: unknown;
    readonly event: APIGatewayProxyEventV2;
  }) => Promise<{ readonly status: number; readonly body?: unknown }>;
}

/**
 * Declares a route: its handler is typed by the request, access rule and responses declared with
 * it. The router parses every request by the same declaration before it calls the handler, which
 * is what makes erasing the types for the table sound.
 */
export const route = <
  const A extends Access,
  const R extends SuccessResponses,
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  declaration: RouteDeclaration<A, P, Q, B, R>,
): Route => declaration as unknown as Route;

const built = new WeakMap<(catalogue: Catalogue) => z.ZodType, WeakMap<Catalogue, z.ZodType>>();

/** The schema for this catalogue; built once per catalogue, not per request. */
export const resolveSchema = <S extends z.ZodType>(declared: Declared<S>, catalogue: Catalogue): S => {
  if (typeof declared !== 'function') return declared;
  let byCatalogue = built.get(declared);
  if (byCatalogue === undefined) {
    byCatalogue = new WeakMap();
    built.set(declared, byCatalogue);
  }
  let schema = byCatalogue.get(catalogue);
  if (schema === undefined) {
    schema = declared(catalogue);
    byCatalogue.set(catalogue, schema);
  }
  return schema as S;
};
