import "server-only";
import { isLocale, toIntlLocale } from "@/lib/i18n/config";
import { languageName, listLanguages, SUGGESTED_LANGUAGE_TAGS } from "@/lib/reference/languages";
import { listMediaRights } from "@/lib/reference/media-rights";
import { listTerritories, territoryName } from "@/lib/territories";
import type { LanguageOption, MediaOption, NameMaps, TerritoryOption } from "./options";

/**
 * The reference lists the deal and avails pickers need, named in the UI language. Built on the
 * server: lib/territories and the language registry are too heavy for the browser bundle, so
 * clients receive these plain lists as props.
 */
const lang = (locale: string) => (isLocale(locale) ? locale : "en");

export function territoryOptions(locale: string): TerritoryOption[] {
  const l = lang(locale);
  const collator = new Intl.Collator(toIntlLocale(l));
  const all = listTerritories();
  const groups = all.filter((t) => t.type === "GROUP");
  const regions = all.filter((t) => t.type === "REGION");
  const countries = all.filter((t) => t.type === "COUNTRY").sort((a, b) => collator.compare(a.name[l], b.name[l]));
  return [...groups, ...regions, ...countries].map((t) => ({
    code: t.code,
    type: t.type,
    name: t.name[l],
    ...(t.members ? { count: t.members.length } : {}),
  }));
}

export function mediaOptions(locale: string): MediaOption[] {
  const l = lang(locale);
  return listMediaRights().map((p) => ({
    code: p.code,
    name: p.name[l],
    children: p.children.map((c) => ({ code: c.code, name: c.name[l] })),
  }));
}

export function languageOptions(locale: string): LanguageOption[] {
  const l = lang(locale);
  const suggested = new Set<string>(SUGGESTED_LANGUAGE_TAGS);
  const collator = new Intl.Collator(toIntlLocale(l));
  const rest = listLanguages()
    .filter((x) => !suggested.has(x.code))
    .map((x) => ({ code: x.code, name: x.name[l], suggested: false }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return [...SUGGESTED_LANGUAGE_TAGS.map((code) => ({ code, name: languageName(code)[l], suggested: true })), ...rest];
}

/** Display names for any territory, media right or language code (for tables and conflict lists). */
export function nameMaps(locale: string): NameMaps {
  const l = lang(locale);
  const territories: Record<string, string> = {};
  for (const t of listTerritories()) territories[t.code] = t.name[l];
  const media: Record<string, string> = {};
  for (const p of listMediaRights()) {
    media[p.code] = p.name[l];
    for (const c of p.children) media[c.code] = c.name[l];
  }
  return { territories, media };
}

export function territoryLabel(code: string, locale: string): string {
  return territoryName(code)?.[lang(locale)] ?? code;
}

export function languageLabel(code: string, locale: string): string {
  try {
    return languageName(code)[lang(locale)];
  } catch {
    return code;
  }
}
