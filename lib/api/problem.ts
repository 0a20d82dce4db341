import type { ZodError } from "zod";
import type { Failure, FailureKind, FieldError } from "@/lib/result";

/** RFC 9457 problem details, the only error shape the API answers with. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId?: string;
  errors?: FieldError[];
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

export function problem(status: number, reason: string, detail: string, extra?: Partial<Problem>): Problem {
  return { type: typeUri(reason), title: TITLES[status] ?? "Error", status, detail, ...extra };
}

export function failureToProblem(failure: Failure, requestId: string): Problem {
  const status = STATUS[failure.kind];
  return problem(status, failure.reason, failure.message, {
    requestId,
    ...(failure.errors ? { errors: failure.errors } : {}),
    ...failure.details,
  });
}

export function zodErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

export function validationProblem(error: ZodError, requestId: string, where: "body" | "query" | "path"): Problem {
  return problem(422, "VALIDATION_FAILED", `The request ${where} is not valid.`, { requestId, errors: zodErrors(error) });
}
