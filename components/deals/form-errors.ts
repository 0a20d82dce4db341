"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import { formPath, ruleOf } from "./terms-form";

type ErrorLike = { type?: string; message?: string } | undefined;

/**
 * Message of a field error in the UI language: the server's own wording for server errors
 * (business rules such as "instalments add up to …"), the field's rule for client-side zod errors
 * (whose messages are English, the schemas being shared with the API).
 */
export function useDealFieldError() {
  const t = useTranslations("deals.validation");
  return (path: string, error: ErrorLike): string | undefined => {
    if (!error) return undefined;
    if (error.type === "server" && error.message) return error.message;
    // The schemas' one cross-field rule: a window's end on or after its start.
    if (error.type === "custom" && /(^|\.)end$/.test(path)) return t("window");
    return t(ruleOf(path) as Parameters<typeof t>[0]);
  };
}

/** Reads a nested error (`errors.terms.instalments[0].amount.amount`) by its dotted path. */
export function errorAt(errors: unknown, path: string): ErrorLike {
  let node: unknown = errors;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node && typeof node === "object" && ("message" in node || "type" in node) ? (node as ErrorLike) : undefined;
}

/**
 * Puts server field errors on the fields the form shows (`displayed` patterns of form paths) and
 * returns the messages of the others, for an alert above the buttons.
 */
export function applyServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: Record<string, string[]> | undefined,
  displayed: RegExp[],
  mapPath: (path: string) => string = formPath,
): string[] {
  const rest: string[] = [];
  let first = true;
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const target = mapPath(path);
    const message = messages.join(" ");
    if (displayed.some((re) => re.test(target))) {
      setError(target as Path<T>, { type: "server", message }, { shouldFocus: first });
      first = false;
    } else rest.push(message);
  }
  return rest;
}

/**
 * `zodResolver(schema)` on what the form would send: the form's strings become the payload
 * (`toPayload`), the shared schema validates it, and errors land on the form's fields (their
 * paths mirror the payload; `rename` covers the few that differ, e.g. licenseeId → counterpartyId).
 */
export function payloadResolver<V extends FieldValues, S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  toPayload: (values: V) => z.input<S>,
  rename: Record<string, string> = {},
): Resolver<V, unknown, z.output<S>> {
  const validate = zodResolver(schema);
  return async (values, context, options) => {
    const result = await validate(toPayload(values), context, { ...options, names: undefined });
    const errors: Record<string, unknown> = { ...result.errors };
    for (const [from, to] of Object.entries(rename)) {
      if (errors[from]) {
        errors[to] = errors[from];
        delete errors[from];
      }
    }
    return Object.keys(errors).length === 0
      ? { values: result.values as z.output<S>, errors: {} }
      : { values: {}, errors: errors as FieldErrors<V> };
  };
}
