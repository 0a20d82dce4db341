"use client";

import { useTranslations } from "next-intl";
import type { FieldError, FieldValues, Path, UseFormReturn } from "react-hook-form";
import { checkEidr } from "@/lib/catalogue/eidr";

/**
 * Field errors of the catalogue forms in the UI language. Zod's messages are English (the schemas
 * are shared with the API), so a field shows its rule from the messages instead; server errors
 * are recognised by field (and, for the EIDR, by what went wrong) and translated the same way.
 */
const RULES = {
  kind: "kind",
  originalTitle: "originalTitle",
  "titles.en": "titleEn",
  "titles.zh": "titleZh",
  originalLanguage: "language",
  genres: "genres",
  year: "year",
  runtimeMinutes: "runtime",
  episodeCount: "episodes",
  synopsis: "synopsis",
  visibility: "visibility",
  "awards.festival": "awardFestival",
  "awards.section": "awardSection",
  "awards.award": "awardName",
  "awards.year": "awardYear",
  name: "versionName",
  derivedFromId: "derivedFrom",
  territories: "territories",
  audioLanguages: "language",
  subtitleLanguages: "language",
  status: "status",
  "changes.category": "changeCategory",
  "changes.description": "changeDescription",
  territory: "territory",
  date: "date",
  audienceSize: "audienceSize",
  score: "score",
  method: "method",
  notes: "notes",
} as const;
type RuleKey = (typeof RULES)[keyof typeof RULES];

/** Lists of plain values (genres, territories, languages) carry their errors on the list itself. */
const LIST_FIELDS = new Set(["genres", "territories", "audioLanguages", "subtitleLanguages"]);

/** "awards.2.year" → "awards.year"; "genres.3" → "genres". */
const ruleOf = (path: string): RuleKey | undefined => {
  const key = path
    .split(".")
    .filter((part) => !/^\d+$/.test(part))
    .join(".");
  return (RULES as Record<string, RuleKey>)[key];
};

/** Where the form shows a server error for `path`. */
export function formPath(path: string): string {
  const head = path.split(".")[0] ?? path;
  return LIST_FIELDS.has(head) ? head : path;
}

export function useCatalogueErrors() {
  const t = useTranslations("catalogue.validation");

  function eidrText(value: unknown): string {
    const text = typeof value === "string" ? value : "";
    const check = checkEidr(text);
    return !check.ok && check.problem === "CHECK_CHARACTER" ? t("eidrCheck") : t("eidrFormat");
  }

  /** A client-side error of `path` (value: the field's current value, for the EIDR). */
  function text(path: string, error: FieldError | { message?: string; type?: string } | undefined, value?: unknown): string | undefined {
    if (!error) return undefined;
    if (error.type === "server" && error.message) return error.message;
    if (path === "eidr" || path === "eidrEdit") return eidrText(value);
    const rule = ruleOf(path);
    return rule ? t(rule) : (error.message ?? t("generic"));
  }

  /** A server error in the UI language. */
  function serverText(path: string, message: string, value?: unknown): string {
    const field = path.split(".").pop() ?? path;
    if (field === "eidr" || field === "eidrEdit") {
      if (/already/i.test(message)) return t("eidrTaken");
      return /check character/i.test(message) ? t("eidrCheck") : eidrText(value);
    }
    if (field === "date" && /future/i.test(message)) return t("dateFuture");
    const rule = ruleOf(path);
    return rule ? t(rule) : message;
  }

  /**
   * Puts each server field error on its field; returns the messages that belong to no field of
   * this form (`known` lists the form's top-level fields).
   */
  function applyServerErrors<T extends FieldValues, C, O>(
    form: UseFormReturn<T, C, O>,
    fieldErrors: Record<string, string[]> | undefined,
    known: readonly string[],
  ): string[] {
    const orphans: string[] = [];
    let first = true;
    for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
      const target = formPath(path);
      const message = messages[0] ?? "";
      if (!known.includes(target.split(".")[0] ?? target)) {
        orphans.push(message);
        continue;
      }
      const value = form.getValues(target as Path<T>);
      form.setError(target as Path<T>, { type: "server", message: serverText(path, message, value) }, { shouldFocus: first });
      first = false;
    }
    return orphans;
  }

  return { text, serverText, applyServerErrors };
}
