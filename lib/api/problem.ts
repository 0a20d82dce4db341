import type { ZodError, z } from "zod";
import type { Failure, FailureKind, FieldError } from "@/lib/result";
import { type ErrorCode, type ErrorParams, isErrorCode as isCode } from "./error-codes";

/** A field's problem as the API sends it: always with its code and params. */
export type ProblemItem = FieldError & { code: ErrorCode; params: ErrorParams };

/**
 * RFC 9457 problem details, the only error shape the API answers with. `code` (the reason, the
 * same word as `type`'s last segment) and `params` say the refusal in any language; `detail` is English.
 */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  params: ErrorParams;
  requestId?: string;
  errors?: ProblemItem[];
  [extension: string]: unknown;
};

const STATUS: Record<FailureKind, number> = {
  invalid: 422,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  rate_limited: 429,
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Content too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

const typeUri = (reason: string) => `/problems/${reason.toLowerCase().replaceAll("_", "-")}`;

export function problemResponse(problem: Problem, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("content-type", "application/problem+json");
  if (problem.requestId) h.set("x-request-id", problem.requestId);
  return new Response(JSON.stringify(problem), { status: problem.status, headers: h });
}

/** An item without a code of its own is INVALID_VALUE (its English message says why). */
export function withCode<E extends FieldError>(error: E): E & { code: ErrorCode; params: ErrorParams } {
  return { ...error, code: error.code ?? "INVALID_VALUE", params: error.params ?? {} };
}

type ProblemExtra = { requestId?: string; errors?: FieldError[]; params?: ErrorParams; [extension: string]: unknown };

export function problem(status: number, reason: ErrorCode, detail: string, extra: ProblemExtra = {}): Problem {
  const { errors, params = {}, ...rest } = extra;
  return {
    type: typeUri(reason),
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...rest,
    code: reason,
    params,
    ...(errors ? { errors: errors.map(withCode) } : {}),
  };
}

export function failureToProblem(failure: Failure, requestId: string): Problem {
  const status = STATUS[failure.kind];
  return problem(status, failure.reason, failure.message, {
    requestId,
    ...(failure.errors ? { errors: failure.errors } : {}),
    ...failure.details,
    params: failure.params ?? {},
  });
}

const list = (values: readonly unknown[]) => values.map(String).join(", ");

/**
 * The code of a zod issue: a schema may name its own (`params: { code, ...params }` on a custom
 * issue), else the issue's kind says it (an empty required text, or a missing field with zod's own message, is REQUIRED).
 */
export function zodIssueCode(issue: z.core.$ZodIssue): { code: ErrorCode; params: ErrorParams } {
  switch (issue.code) {
    case "custom": {
      const { code, ...params } = (issue.params ?? {}) as { code?: unknown } & ErrorParams;
      return typeof code === "string" && isCode(code) ? { code, params } : { code: "INVALID_VALUE", params: {} };
    }
    // zod 4 leaves the input out of its issues, so a missing field is told apart only by its message.
    case "invalid_type":
      return /received undefined$/.test(issue.message)
        ? { code: "REQUIRED", params: {} }
        : { code: "INVALID_TYPE", params: { expected: issue.expected } };
    case "too_small":
      return issue.origin === "string" && Number(issue.minimum) === 1
        ? { code: "REQUIRED", params: {} }
        : { code: "TOO_SMALL", params: { minimum: String(issue.minimum) } };
    case "too_big":
      return { code: "TOO_BIG", params: { maximum: String(issue.maximum) } };
    case "invalid_format":
      return { code: "INVALID_FORMAT", params: { format: issue.format } };
    case "invalid_value":
      return { code: "INVALID_OPTION", params: { options: list(issue.values) } };
    case "unrecognized_keys":
      return { code: "UNKNOWN_FIELDS", params: { keys: list(issue.keys) } };
    default:
      return { code: "INVALID_VALUE", params: {} };
  }
}

export function zodErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message, ...zodIssueCode(issue) }));
}

export function validationProblem(error: ZodError, requestId: string, where: "body" | "query" | "path"): Problem {
  return problem(422, "VALIDATION_FAILED", `The request ${where} is not valid.`, { requestId, errors: zodErrors(error) });
}
