import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize, type Access } from "@/lib/auth/authorize";
import { actorFromRequest } from "@/lib/auth/request-actor";
import { clientIp } from "@/lib/client-ip";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, errorBody } from "@/lib/errors";
import { log } from "@/lib/log";
import { JSON_BODY_LIMIT_BYTES, readBodyText } from "@/lib/request-body";
import { assertSameOriginWrite } from "@/lib/security/origin";

type Schema = z.ZodType;
type Parsed<S> = S extends Schema ? z.infer<S> : undefined;

export type RouteSpec<A extends Access, B, Q, P> = {
  access: A;
  body?: B;
  query?: Q;
  params?: P;
  /** The body limit, when a route needs more than JSON_BODY_LIMIT_BYTES (a seat-map layout, say). */
  bodyLimitBytes?: number;
};

export type RouteContext<A extends Access, B, Q, P> = {
  request: Request;
  requestId: string;
  log: typeof log;
  body: Parsed<B>;
  query: Parsed<Q>;
  params: Parsed<P>;
  /** The caller: null on public routes, always set on the others. */
  actor: A extends "public" ? null : Actor;
  /** The client's address per X-Forwarded-For and TRUSTED_PROXIES (lib/client-ip.ts); null when unknown. */
  clientIp: string | null;
};

type NextRouteArgs = { params: Promise<Record<string, string | string[]>> };

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

export function validationError(issues: z.core.$ZodIssue[], where: string): AppError {
  return new AppError("VALIDATION_FAILED", `The ${where} is not valid.`, {
    issues: issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  });
}

function parse<S extends Schema | undefined>(schema: S, value: unknown, where: string): Parsed<S> {
  if (!schema) return undefined as Parsed<S>;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error.issues, where);
  return result.data as Parsed<S>;
}

async function readJsonBody(request: Request, limitBytes: number): Promise<unknown> {
  const text = await readBodyText(request, limitBytes);
  // An empty body is "no body"; the schema decides whether that is allowed.
  if (text === "") return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
}

/**
 * A 429 tells clients when to come back (RFC 9110 §10.2.3), in whole seconds: every one, so a client
 * never has to guess (one second when the refusal did not say; tests/integration/retry-after.test.ts).
 */
function retryAfterHeader(error: AppError): Record<string, string> {
  if (error.status !== 429) return {};
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  const whole = typeof seconds === "number" && Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 1;
  return { "retry-after": String(whole) };
}

export function errorResponse(error: unknown, requestLog: typeof log, requestId: string): Response {
  if (error instanceof AppError) {
    return json(errorBody(error), error.status, { "x-request-id": requestId, ...retryAfterHeader(error) });
  }
  requestLog.error({ err: error }, "unhandled error");
  return json(
    errorBody(
      new AppError("INTERNAL", "Something went wrong on our side. Try again, or quote this request id.", { requestId }),
    ),
    500,
    { "x-request-id": requestId },
  );
}

/**
 * Wraps a route handler: request id, auth (with an Origin check on
 * cookie-authenticated writes), zod parsing of params, query and body (at
 * most 64 kB unless the route says otherwise), and the mapping of errors to `{ error: { code, message, details } }`.
 * The handler only sees input that passed validation.
 */
export function route<
  const A extends Access,
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(spec: RouteSpec<A, B, Q, P>, handler: (ctx: RouteContext<A, B, Q, P>) => Promise<Response>) {
  return async (request: Request, args?: NextRouteArgs): Promise<Response> => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 100) || randomUUID();
    const requestLog = log.child({ requestId, method: request.method, path: new URL(request.url).pathname });
    try {
      const actor = spec.access === "public" ? null : await actorFromRequest(db, request);
      authorize(actor, spec.access);
      // A cookie rides along with requests any site makes; only writes from our own pages may use it.
      if (actor?.via === "session") assertSameOriginWrite(request, config().APP_URL);
      const params = parse(spec.params, args ? await args.params : {}, "path");
      const query = parse(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query string");
      const body = parse(
        spec.body,
        spec.body ? await readJsonBody(request, spec.bodyLimitBytes ?? JSON_BODY_LIMIT_BYTES) : undefined,
        "request body",
      );
      const ip = clientIp(request.headers, config().TRUSTED_PROXIES);
      const context = { request, requestId, log: requestLog, body, query, params, actor, clientIp: ip };
      const response = await handler(context as RouteContext<A, B, Q, P>);
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestLog, requestId);
    }
  };
}
