import type { ZodType } from "zod";
import type { ErrorParams } from "@/lib/api/error-codes";
import { type ProblemItem, withCode, zodIssueCode } from "@/lib/api/problem";
import type { Failure } from "@/lib/result";

/**
 * What every server action answers; forms put `fieldErrors` on their fields with setError. A
 * refusal's `reason` is its code (lib/api/error-codes.ts) and `errors` the field problems with
 * theirs, so the form says them in the viewer's language (`message`s are English, as in the API).
 */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | {
      ok: false;
      reason: string;
      message: string;
      params?: ErrorParams;
      fieldErrors?: Record<string, string[]>;
      errors?: ProblemItem[];
    };

function group(errors: { path: string; message: string }[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const e of errors) fieldErrors[e.path] = [...(fieldErrors[e.path] ?? []), e.message];
  return fieldErrors;
}

export function fromFailure(failure: Failure): ActionResult<never> {
  const fieldErrors = group(failure.errors ?? []);
  return {
    ok: false,
    reason: failure.reason,
    message: failure.message,
    ...(failure.params ? { params: failure.params } : {}),
    ...(failure.errors ? { fieldErrors, errors: failure.errors.map(withCode) } : {}),
  };
}

export function parseInput<T>(schema: ZodType<T>, input: unknown): { ok: true; data: T } | ActionResult<never> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors = parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message, ...zodIssueCode(i) }));
  return { ok: false, reason: "VALIDATION_FAILED", message: "Some fields need attention.", fieldErrors: group(errors), errors };
}

export const unauthenticated: ActionResult<never> = {
  ok: false,
  reason: "UNAUTHENTICATED",
  message: "Your session has ended. Sign in again.",
};
