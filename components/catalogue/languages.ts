import type { MultiSelectOption } from "@/components/forms/multi-select-model";
import { toIntlLocale } from "@/lib/i18n/config";

/**
 * Language names for pickers, from the browser's CLDR data (the IANA registry that validates tags
 * stays on the server). Any well-formed BCP 47 tag may be typed; the server has the last word.
 */
const displayNames = new Map<string, Intl.DisplayNames>();

export function languageLabel(tag: string, locale: string): string {
  const key = toIntlLocale(locale);
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([key], { type: "language", fallback: "code" });
    displayNames.set(key, names);
  }
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The canonical form of a typed tag ("pt-br" → "pt-BR"), or null when it is not one. */
export function parseLanguageTag(text: string): string | null {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(text)) return null;
  try {
    return Intl.getCanonicalLocales(text)[0] ?? null;
  } catch {
    return null;
  }
}

export function languageOptions(tags: readonly string[], locale: string): MultiSelectOption[] {
  return tags.map((tag) => ({ value: tag, label: languageLabel(tag, locale), hint: tag, keywords: languageLabel(tag, "en") }));
}
