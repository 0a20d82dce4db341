/**
 * Domain outcomes are values, not exceptions. `kind` says what sort of refusal it is, which is
 * all the HTTP layer (lib/api/problem.ts) and the form layer need to present it.
 */
export type FailureKind = "invalid" | "not_found" | "forbidden" | "conflict" | "rate_limited";

export type FieldError = { path: string; message: string };

export type Failure<R extends string = string> = {
  ok: false;
  kind: FailureKind;
  reason: R;
  message: string;
  errors?: FieldError[];
  /** Extra machine-readable detail (e.g. the conflicting records). */
  details?: Record<string, unknown>;
};

export type Success<T> = { ok: true; value: T };
export type Result<T, R extends string = string> = Success<T> | Failure<R>;

export const ok = <T>(value: T): Success<T> => ({ ok: true, value });

export function fail<R extends string>(
  kind: FailureKind,
  reason: R,
  message: string,
  extra?: { errors?: FieldError[]; details?: Record<string, unknown> },
): Failure<R> {
  return { ok: false, kind, reason, message, ...extra };
}

export const notFound = (what = "Resource") => fail("not_found", "NOT_FOUND", `${what} not found.`);
export const forbidden = (message = "Your role does not allow this.") => fail("forbidden", "FORBIDDEN", message);
