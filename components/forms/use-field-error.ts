"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { type ErrorLike, errorAt, type FieldErrorText, type FieldRules, fieldErrorText, serverErrorText } from "./field-errors";

/** The messages namespaces whose keys name field rules. */
export type FieldErrorNamespace =
  | "validation"
  | "catalogue.validation"
  | "deals.validation"
  | "edits.validation"
  | "facility.validation"
  | "programmes.validation";

/** The message keys of a namespace. */
export type RuleKey<N extends FieldErrorNamespace> = Parameters<ReturnType<typeof useTranslations<N>>>[0];

export type FieldErrorTranslator<P extends string = string> = {
  /** The words a field shows for its error (`value`: the field's value, for rules that read it). */
  (path: P, error: ErrorLike, value?: unknown): string | undefined;
  /** The words for the error at a dotted path of react-hook-form's `errors` (`terms.instalments.0.dueDate`). */
  at: (errors: unknown, path: P) => string | undefined;
  /**
   * A server field error in the UI language (the form's `serverRule`), or the server's wording;
   * made to be `useActionForm`'s `fields.text`.
   */
  server: (path: string, messages: readonly string[], value?: unknown) => string;
};

/**
 * The one field-error translator: `useFieldError("deals.validation", { ruleOf, refine })` answers a
 * field's error in the UI language by the rules of `fieldErrorText`. Without `ruleOf` a field is
 * named by its rule's key, and the type checker holds it to the namespace's keys.
 */
export function useFieldError(
  namespace: FieldErrorNamespace,
  rules: FieldRules & Required<Pick<FieldRules, "ruleOf">>,
): FieldErrorTranslator;
export function useFieldError<N extends FieldErrorNamespace>(
  namespace: N,
  rules?: Omit<FieldRules, "ruleOf">,
): FieldErrorTranslator<Extract<RuleKey<N>, string>>;
export function useFieldError(namespace: FieldErrorNamespace, rules: FieldRules = {}): FieldErrorTranslator {
  const t = useTranslations(namespace);
  const { ruleOf, refine, fallback, serverRule } = rules;
  return useMemo(() => {
    const own = { ruleOf, refine, fallback, serverRule };
    // Rule keys are computed from paths, so to the type checker they are plain strings.
    const words = (text: FieldErrorText) => ("text" in text ? text.text : t(text.key as Parameters<typeof t>[0]));
    const translate = (path: string, error: ErrorLike, value?: unknown) => {
      const text = fieldErrorText(path, error, own, value);
      return text ? words(text) : undefined;
    };
    return Object.assign(translate, {
      at: (errors: unknown, path: string) => translate(path, errorAt(errors, path)),
      server: (path: string, messages: readonly string[], value?: unknown) => words(serverErrorText(path, messages.join(" "), own, value)),
    });
  }, [t, ruleOf, refine, fallback, serverRule]);
}
