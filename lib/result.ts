/**
 * Domain outcomes are values, not exceptions. `kind` says what sort of refusal it is, which is
 * all the HTTP layer (lib/api/problem.ts) and the form layer need to present it.
 */
import type { ErrorCode, ErrorParams } from "@/lib/api/error-codes";

export type FailureKind = "invalid" | "not_found" | "forbidden" | "conflict" | "rate_limited";

/**
 * One field's problem: `message` in English (the API's words), `code` and `params` for a client to
 * say it in its own language (lib/api/error-codes.ts). Without a code it is `INVALID_VALUE`.
 */
export type FieldError = { path: string; message: string; code?: ErrorCode; params?: ErrorParams };

export type Failure<R extends ErrorCode = ErrorCode> = {
  ok: false;
  kind: FailureKind;
  reason: R;
  message: string;
  errors?: FieldError[];
  /** The values the code's message is filled in with (lib/api/error-codes.ts names them). */
  params?: ErrorParams;
  /** Extra machine-readable detail (e.g. the conflicting records). */
  details?: Record<string, unknown>;
};

export type Success<T> = { ok: true; value: T };
export type Result<T, R extends ErrorCode = ErrorCode> = Success<T> | Failure<R>;

export const ok = <T>(value: T): Success<T> => ({ ok: true, value });

export function fail<R extends ErrorCode>(
  kind: FailureKind,
  reason: R,
  message: string,
  extra?: { errors?: FieldError[]; details?: Record<string, unknown>; params?: ErrorParams },
): Failure<R> {
  return { ok: false, kind, reason, message, ...extra };
}

export const notFound = (what = "Resource") => fail("not_found", "NOT_FOUND", `${what} not found.`);
export const forbidden = (message = "Your role does not allow this.") => fail("forbidden", "FORBIDDEN", message);
