import { sortByName } from "@/lib/i18n/collate";
import { languageLabel, parseLanguageTag } from "./languages";

export type LanguageChoice = { tag: string; label: string; custom: boolean };

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * The options of the language select: the suggested tags (and the current value, if it is not one
 * of them) named in the UI language and sorted by that name; filtered by `query` on the name in the
 * UI language, the English name and the tag; and, when the query is a well-formed tag that is not
 * listed, that tag to use as typed (first, so Enter takes it).
 */
export function languageChoices(suggested: readonly string[], current: string | null, query: string, locale: string): LanguageChoice[] {
  const tags = [...new Set([...suggested, ...(current ? [parseLanguageTag(current) ?? current] : [])])];
  const all = sortByName(
    tags.map((tag) => ({ tag, label: languageLabel(tag, locale), custom: false })),
    (c) => c.label,
    locale,
  );
  const q = fold(query.trim());
  if (!q) return all;
  const matches = all.filter((c) => [c.label, languageLabel(c.tag, "en"), c.tag].some((text) => fold(text).includes(q)));
  const typed = parseLanguageTag(query.trim());
  if (typed && !tags.some((tag) => tag.toLowerCase() === typed.toLowerCase()))
    return [{ tag: typed, label: typed, custom: true }, ...matches];
  return matches;
}
