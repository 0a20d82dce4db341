import type { ZodType } from "zod";
import type { Failure } from "@/lib/result";

/** What every server action answers; forms put `fieldErrors` on their fields with setError. */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; reason: string; message: string; fieldErrors?: Record<string, string[]> };

function group(errors: { path: string; message: string }[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const e of errors) fieldErrors[e.path] = [...(fieldErrors[e.path] ?? []), e.message];
  return fieldErrors;
}

export function fromFailure(failure: Failure): ActionResult<never> {
  const fieldErrors = group(failure.errors ?? []);
  return { ok: false, reason: failure.reason, message: failure.message, ...(failure.errors ? { fieldErrors } : {}) };
}

export function parseInput<T>(schema: ZodType<T>, input: unknown): { ok: true; data: T } | ActionResult<never> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors = group(parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
  return { ok: false, reason: "VALIDATION_FAILED", message: "Some fields need attention.", fieldErrors };
}

export const unauthenticated: ActionResult<never> = {
  ok: false,
  reason: "UNAUTHENTICATED",
  message: "Your session has ended. Sign in again.",
};
