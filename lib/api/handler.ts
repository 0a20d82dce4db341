import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { isDatabaseBusy, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { logger } from "@/lib/log/logger";
import { observeRequest, routeTemplate } from "@/lib/metrics/registry";
import { type Failure, type FieldError, notFound } from "@/lib/result";
import { type ApiCaller, authenticate } from "./auth";
import { failureToProblem, problem, problemResponse, validationProblem } from "./problem";

type AnySchema = z.ZodType;
type Infer<S> = S extends AnySchema ? z.output<S> : undefined;

type Spec<B, Q, P> = {
  /** Default true. Public endpoints (registration) say false. */
  auth?: boolean;
  permission?: Permission;
  /**
   * When `permission` refuses: the refusal for a resource named in the path that the actor cannot
   * see (a 404, as for one that does not exist), or null to answer 403. Without it, always 403.
   */
  hiddenFrom?: (actor: Actor, params: Infer<P>) => Promise<Failure | null>;
  body?: B;
  /**
   * The body may be left out (none, or only whitespace): the schema then parses `{}`. A body that
   * is sent must still be JSON the schema accepts; every refusal of an optional body is a 422,
   * with the schema's field errors, or with `refusal` where one summary says it better.
   */
  bodyOptional?: boolean | { refusal: BodyRefusalText };
  query?: Q;
  params?: P;
  /** The largest JSON body accepted, in bytes (default 1 MB); larger answers 413 unread. */
  maxBodyBytes?: number;
};

/** How a refused optional body is answered instead of field by field (a body of one field). */
export type BodyRefusalText = { detail: string; errors: FieldError[] };

export type ApiContext<B, Q, P> = {
  req: NextRequest;
  requestId: string;
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
};
export type AuthedContext<B, Q, P> = ApiContext<B, Q, P> & { actor: Actor; caller: ApiCaller };

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("content-type", "application/json");
  return new Response(JSON.stringify(data), { status, headers: h });
}

/** The record as JSON, or the 404 problem naming `what` when the actor cannot see it (null). */
export function jsonOrNotFound(value: object | null | undefined, what: string, status = 200): Response | Failure {
  return value ? json(value, status) : notFound(what);
}

export type FileAnswer = { body: Uint8Array; contentType: string; fileName: string };

/** A file download: Content-Disposition attachment with an ASCII name and its UTF-8 form. */
export function fileResponse(answer: FileAnswer, disposition: "attachment" | "inline" = "attachment"): Response {
  const ascii = answer.fileName.replace(/[^\w.-]+/g, "_");
  return new Response(new Uint8Array(answer.body), {
    status: 200,
    headers: {
      "content-type": answer.contentType,
      "content-disposition": `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(answer.fileName)}`,
      "content-length": String(answer.body.byteLength),
      "cache-control": "private, no-store",
    },
  });
}

/** A CSV download (UTF-8). */
export function csvResponse(text: string, fileName: string): Response {
  return fileResponse({ body: new TextEncoder().encode(text), contentType: "text/csv; charset=utf-8", fileName });
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === "object" && value !== null && "ok" in value && value.ok === false && "kind" in value;
}

/** A rate-limited refusal says when to try again (Retry-After, seconds). */
function retryAfter(failure: Failure): HeadersInit | undefined {
  const seconds = failure.details?.retryAfterSeconds;
  return failure.kind === "rate_limited" && typeof seconds === "number" ? { "retry-after": String(Math.max(1, seconds)) } : undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a cookie-authenticated write counts only when the browser says it comes from our own
 * origin — `Sec-Fetch-Site: same-origin`, or an `Origin` equal to NEXTAUTH_URL's origin or the
 * request's own. A foreign, "null" or missing Origin is refused. Bearer-key calls carry no
 * ambient credentials and are not checked.
 */
export function isSameOrigin(req: NextRequest): boolean {
  if (req.headers.get("sec-fetch-site") === "same-origin") return true;
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return false;
  const own = new Set([req.nextUrl.origin]);
  try {
    if (process.env.NEXTAUTH_URL) own.add(new URL(process.env.NEXTAUTH_URL).origin);
  } catch {
    // A malformed NEXTAUTH_URL names no origin.
  }
  return own.has(origin);
}

type BodyRefusal = { status: number; reason: string; detail: string };

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

/** JSON bodies larger than this answer 413 before they are read whole (a route may allow more). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** Arrays and objects nested deeper than this answer 422 (no schema of ours nests past a handful). */
export const MAX_JSON_DEPTH = 64;

/** The body as text, or "too large" once it passes `limit` bytes, whatever Content-Length claims. */
async function readText(req: NextRequest, limit: number): Promise<string | "too large"> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (Number.isFinite(declared) && declared > limit) return "too large";
  const reader = req.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return "too large";
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The deepest nesting of arrays and objects in JSON text (strings skipped), stopping past `max`. */
export function jsonDepth(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > max) return deepest;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

/** The JSON body, or why it cannot be read: 415/400 for a required body, 422 for an optional one, 413 past the size limit. */
async function readJson(
  req: NextRequest,
  optional: boolean,
  maxBytes: number,
): Promise<{ ok: true; value: unknown } | ({ ok: false } & BodyRefusal)> {
  const isJson = JSON_TYPE.test(req.headers.get("content-type") ?? "");
  if (!optional && !isJson)
    return { ok: false, status: 415, reason: "UNSUPPORTED_MEDIA_TYPE", detail: "Send the body as application/json." };
  const text = await readText(req, maxBytes);
  if (text === "too large")
    return { ok: false, status: 413, reason: "BODY_TOO_LARGE", detail: `The request body is larger than ${maxBytes / 1024 / 1024} MB.` };
  if (text.trim() === "") {
    if (optional) return { ok: true, value: {} };
    return { ok: false, status: 400, reason: "MALFORMED_JSON", detail: "The request body is empty; a JSON object is expected." };
  }
  if (!isJson) return { ok: false, status: 422, reason: "VALIDATION_FAILED", detail: "Send the body as application/json, or no body." };
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    return { ok: false, status: 422, reason: "TOO_DEEPLY_NESTED", detail: `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: optional ? 422 : 400, reason: "MALFORMED_JSON", detail: "The request body is not valid JSON." };
  }
}

function queryObject(req: NextRequest): Record<string, string> {
  return Object.fromEntries(req.nextUrl.searchParams.entries());
}

const NUL_MESSAGE = "Text cannot contain NUL (U+0000) characters.";

/**
 * Paths of every string (or object key) holding U+0000, which Postgres text and jsonb cannot
 * store: refused up front as a validation error instead of failing in the database with a 500.
 * Iterative (an explicit stack), so no input can exhaust the call stack.
 */
function nulPaths(root: unknown): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (value.includes("\u0000")) found.push(path.join("."));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, String(i)] });
    } else if (typeof value === "object" && value !== null) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        if (key.includes("\u0000")) found.push([...path, key].join("."));
        else stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return found;
}

function nulProblem(paths: string[], requestId: string, where: "body" | "query"): Response {
  return problemResponse(
    problem(422, "VALIDATION_FAILED", `The request ${where} is not valid.`, {
      requestId,
      errors: paths.map((path) => ({ path, message: NUL_MESSAGE })),
    }),
  );
}

/**
 * The one wrapper every /api/v1 route handler goes through: request id, authentication (API key
 * or session), permission check, zod validation of path, query and body, domain failures mapped
 * to problem+json, and unexpected errors logged with the request id and answered generically.
 */
export function route<
  B extends AnySchema | undefined = undefined,
  Q extends AnySchema | undefined = undefined,
  P extends AnySchema | undefined = undefined,
>(
  spec: Spec<B, Q, P> & { auth: false },
  handler: (ctx: ApiContext<B, Q, P>) => Promise<Response | Failure>,
): (req: NextRequest, context: RouteContext) => Promise<Response>;
export function route<
  B extends AnySchema | undefined = undefined,
  Q extends AnySchema | undefined = undefined,
  P extends AnySchema | undefined = undefined,
>(
  spec: Spec<B, Q, P> & { auth?: true },
  handler: (ctx: AuthedContext<B, Q, P>) => Promise<Response | Failure>,
): (req: NextRequest, context: RouteContext) => Promise<Response>;
export function route<B extends AnySchema | undefined, Q extends AnySchema | undefined, P extends AnySchema | undefined>(
  spec: Spec<B, Q, P>,
  handler: (ctx: AuthedContext<B, Q, P>) => Promise<Response | Failure>,
) {
  return async (req: NextRequest, context: RouteContext): Promise<Response> => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 100) || randomUUID();
    const started = performance.now();
    let response: Response;
    try {
      response = await run(req, context, requestId);
      response.headers.set("x-request-id", requestId);
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.nextUrl.pathname,
          status: response.status,
          ms: Math.round(performance.now() - started),
          // The TCP peer, as scripts/serve.mjs sets it (never the client's own claim).
          peer: req.headers.get("x-rightsbridge-peer") ?? undefined,
        },
        "api",
      );
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        // Nothing was written (the transaction never reached the database): a retry is safe.
        logger.warn({ requestId, method: req.method, path: req.nextUrl.pathname, err: error }, "api.database_unavailable");
        response = problemResponse(
          problem(503, "DATABASE_UNAVAILABLE", "The database cannot be reached right now. Try again in a few seconds.", { requestId }),
          { "retry-after": "5" },
        );
      } else if (isDatabaseBusy(error)) {
        // The transaction never committed (no connection within maxWait, or rolled back at its timeout).
        logger.warn({ requestId, method: req.method, path: req.nextUrl.pathname, err: error }, "api.database_busy");
        response = problemResponse(
          problem(503, "DATABASE_BUSY", "The server is busy right now and did not save anything. Try again in a few seconds.", {
            requestId,
          }),
          { "retry-after": "2" },
        );
      } else {
        logger.error({ requestId, method: req.method, path: req.nextUrl.pathname, err: error }, "api.unhandled");
        response = problemResponse(
          problem(500, "INTERNAL_ERROR", "Something went wrong on our side. Quote the request id if you contact support.", { requestId }),
        );
      }
    }
    // Next passes no params to a route without dynamic segments.
    const params = await Promise.resolve(context?.params).catch(() => undefined);
    observeRequest(req.method, routeTemplate(req.nextUrl.pathname, params), response.status, (performance.now() - started) / 1000);
    return response;
  };

  /** A path the schema refuses names nothing the actor can see. */
  async function hiddenFrom(check: NonNullable<Spec<B, Q, P>["hiddenFrom"]>, actor: Actor, context: RouteContext): Promise<Failure | null> {
    const raw = (await context?.params) ?? {};
    const params = spec.params ? spec.params.safeParse(raw) : { success: true as const, data: undefined };
    if (!params.success) return notFound();
    return check(actor, params.data as Infer<P>);
  }

  async function run(req: NextRequest, context: RouteContext, requestId: string): Promise<Response> {
    let caller: ApiCaller | null = null;
    if (spec.auth !== false) {
      const authResult = await authenticate(req, requestId);
      if (authResult === "invalid") {
        return problemResponse(problem(401, "INVALID_CREDENTIALS", "The API key is invalid or has been revoked.", { requestId }), {
          "www-authenticate": 'Bearer error="invalid_token"',
        });
      }
      if (!authResult) {
        return problemResponse(problem(401, "UNAUTHENTICATED", "Sign in, or send Authorization: Bearer <api key>.", { requestId }), {
          "www-authenticate": "Bearer",
        });
      }
      caller = authResult;
      if (caller.via === "apiKey" && caller.scope === "READ" && !SAFE_METHODS.has(req.method)) {
        return problemResponse(
          problem(403, "INSUFFICIENT_SCOPE", "This API key is read-only: it may only GET. Create a write key to make changes.", {
            requestId,
          }),
        );
      }
      if (caller.via === "session" && !SAFE_METHODS.has(req.method) && !isSameOrigin(req)) {
        return problemResponse(
          problem(
            403,
            "CROSS_ORIGIN_REQUEST",
            "A signed-in write must come from this application's own pages (Origin or Sec-Fetch-Site: same-origin). API clients send Authorization: Bearer <api key>.",
            { requestId },
          ),
        );
      }
      const { actor } = caller.session;
      if (spec.permission && !can({ role: actor.role, orgKind: actor.org.kind }, spec.permission)) {
        const hidden = spec.hiddenFrom && (await hiddenFrom(spec.hiddenFrom, actor, context));
        if (hidden) return problemResponse(failureToProblem(hidden, requestId));
        return problemResponse(problem(403, "FORBIDDEN", "Your role in this organisation does not allow this.", { requestId }));
      }
    }

    const rawParams = (await context?.params) ?? {};
    const params = spec.params ? spec.params.safeParse(rawParams) : undefined;
    // A malformed id cannot name anything the caller may see.
    if (params && !params.success) return problemResponse(problem(404, "NOT_FOUND", "Not found.", { requestId }));

    const rawQuery = queryObject(req);
    const queryNuls = spec.query ? nulPaths(rawQuery) : [];
    if (queryNuls.length > 0) return nulProblem(queryNuls, requestId, "query");
    const query = spec.query ? spec.query.safeParse(rawQuery) : undefined;
    if (query && !query.success) return problemResponse(validationProblem(query.error, requestId, "query"));

    let body: z.ZodSafeParseResult<unknown> | undefined;
    if (spec.body) {
      const optional = spec.bodyOptional !== undefined && spec.bodyOptional !== false;
      const refusal = typeof spec.bodyOptional === "object" ? spec.bodyOptional.refusal : undefined;
      const refused = refusal && problem(422, "VALIDATION_FAILED", refusal.detail, { requestId, errors: refusal.errors });
      const raw = await readJson(req, optional, spec.maxBodyBytes ?? MAX_JSON_BODY_BYTES);
      if (!raw.ok) {
        if (refused && raw.status !== 413) return problemResponse(refused);
        // A 422 names the body as a whole, like the validation errors of its fields.
        const errors = raw.status === 422 ? [{ path: "", message: raw.detail }] : undefined;
        return problemResponse(problem(raw.status, raw.reason, raw.detail, { requestId, ...(errors ? { errors } : {}) }));
      }
      const bodyNuls = nulPaths(raw.value);
      if (bodyNuls.length > 0) return refused ? problemResponse(refused) : nulProblem(bodyNuls, requestId, "body");
      body = spec.body.safeParse(raw.value);
      if (!body.success) return problemResponse(refused ?? validationProblem(body.error, requestId, "body"));
    }

    const ctx = {
      req,
      requestId,
      body: body?.data,
      query: query?.data,
      params: params?.data,
      ...(caller ? { actor: caller.session.actor, caller } : {}),
    } as AuthedContext<B, Q, P>;
    const result = await handler(ctx);
    if (isFailure(result)) return problemResponse(failureToProblem(result, requestId), retryAfter(result));
    return result;
  }
}
