"use client";

import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

type ErrorLike = { type?: string; message?: string } | undefined;

/** The fields of the edit-rights forms whose rule has its own message in `edits.validation`. */
export type EditsField =
  | "rule"
  | "maxPct"
  | "note"
  | "titleId"
  | "baseVersionId"
  | "territories"
  | "dealId"
  | "name"
  | "items"
  | "category"
  | "description"
  | "rationale"
  | "magnitudePct"
  | "comment"
  | "changesNote"
  | "decisionNote";

/**
 * A form error in the UI language: the server's own wording for server errors (a business rule
 * such as "the deal does not cover Thailand"), the field's translated rule for client-side zod
 * errors (whose messages are English, the schemas being shared with the API). Too long a text
 * gets its own sentence.
 */
export function useEditsFieldError() {
  const t = useTranslations("edits.validation");
  return (field: EditsField, error: ErrorLike): string | undefined => {
    if (!error) return undefined;
    if (error.type === "server" && error.message) return error.message;
    if (error.type === "too_big") return t("tooLong");
    return t(field);
  };
}

/** Reads a nested react-hook-form error (`errors.items[2].description`) by its dotted path. */
export function errorAt(errors: unknown, path: string): ErrorLike {
  let node: unknown = errors;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  if (node && typeof node === "object" && "root" in node && !("message" in node)) node = (node as { root: unknown }).root;
  return node && typeof node === "object" && ("message" in node || "type" in node) ? (node as ErrorLike) : undefined;
}

/**
 * Puts server field errors on the fields the form shows (`mapPath` answers the form path, or null
 * for a path the form has no field for) and returns the messages of the others, for an alert.
 */
export function applyServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: Record<string, string[]> | undefined,
  mapPath: (path: string) => string | null,
): string[] {
  const rest: string[] = [];
  let first = true;
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const target = mapPath(path);
    const message = messages.join(" ");
    if (target) {
      setError(target as Path<T>, { type: "server", message }, { shouldFocus: first });
      first = false;
    } else rest.push(message);
  }
  return rest;
}
