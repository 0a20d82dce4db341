/**
 * BCP 47 language tags (audio/subtitle languages, a title's original language).
 *
 * A tag is valid when it is well formed (`Intl.getCanonicalLocales` accepts it) and each of its
 * language, script, region and variant subtags is registered in the IANA Language Subtag Registry
 * (`language-subtag-registry` package, file date in `LANGUAGE_REGISTRY_DATE`). Tags are stored in
 * canonical form (`zh-hans-cn` → `zh-Hans-CN`, deprecated `iw` → `he`). Display names come from
 * the runtime's CLDR data via `Intl.DisplayNames`.
 *
 * The registry indices are ~130 kB of JSON: import this module from server code, not from client
 * components (send the list the UI needs from the server).
 */
import extlangIndex from "language-subtag-registry/data/json/extlang.json";
import languageIndex from "language-subtag-registry/data/json/language.json";
import meta from "language-subtag-registry/data/json/meta.json";
import regionIndex from "language-subtag-registry/data/json/region.json";
import scriptIndex from "language-subtag-registry/data/json/script.json";
import variantIndex from "language-subtag-registry/data/json/variant.json";
import { UnknownReferenceCodeError } from "./errors";
import type { LocalizedName } from "./types";

export const LANGUAGE_REGISTRY_DATE: string = meta["File-Date"];

/** A set of registered subtags (lower case), with the registry's "a..b" private-use ranges. */
class SubtagSet {
  private readonly exact: Set<string>;
  private readonly ranges: [string, string][] = [];
  constructor(index: Record<string, number>) {
    this.exact = new Set();
    for (const key of Object.keys(index)) {
      const range = key.split("..");
      if (range.length === 2) this.ranges.push([range[0] as string, range[1] as string]);
      else this.exact.add(key);
    }
  }
  has(subtag: string): boolean {
    const s = subtag.toLowerCase();
    return this.exact.has(s) || this.ranges.some(([lo, hi]) => s.length === lo.length && s >= lo && s <= hi);
  }
  keys(): IterableIterator<string> {
    return this.exact.values();
  }
}

const LANGUAGES = new SubtagSet(languageIndex as Record<string, number>);
const SCRIPTS = new SubtagSet(scriptIndex as Record<string, number>);
const REGIONS = new SubtagSet(regionIndex as Record<string, number>);
const VARIANTS = new SubtagSet(variantIndex as Record<string, number>);
const EXTLANGS = new SubtagSet(extlangIndex as Record<string, number>);

/**
 * `Intl.getCanonicalLocales` for one tag, or undefined when the tag is not well formed.
 * ECMA-402 accepts the Unicode-locale-id form of BCP 47, which has no extended language subtags:
 * an extlang form (`zh-yue`, `sgn-ase`) is first replaced by its registry preferred value, which
 * for every extlang is the extlang itself (`yue`, `ase`). Irregular grandfathered tags
 * (`i-klingon`, `en-GB-oed`) stay refused.
 */
function canonical(tag: string): string | undefined {
  if (typeof tag !== "string" || tag.trim() !== tag || tag === "") return undefined;
  const extlang = /^[a-z]{2,3}-([a-z]{3})(?=-|$)/i.exec(tag);
  const input = extlang && EXTLANGS.has(extlang[1] as string) ? tag.slice(tag.indexOf("-") + 1) : tag;
  try {
    return Intl.getCanonicalLocales(input)[0];
  } catch {
    return undefined;
  }
}

/** Checks the registered subtags of a canonical tag (extensions and private use are not checked). */
function subtagsRegistered(tag: string): boolean {
  const parts = tag.split("-");
  const language = parts.shift() as string;
  if (!LANGUAGES.has(language)) return false;
  for (const part of parts) {
    if (part.length === 1) break; // a singleton starts the extensions / private use
    if (/^[a-z]{4}$/i.test(part)) {
      if (!SCRIPTS.has(part)) return false;
    } else if (/^([a-z]{2}|\d{3})$/i.test(part)) {
      if (!REGIONS.has(part)) return false;
    } else if (!VARIANTS.has(part)) {
      return false;
    }
  }
  return true;
}

/** The canonical form of a valid BCP 47 tag (`zh-hans-cn` → `zh-Hans-CN`), or undefined if invalid. */
export function canonicalizeLanguageTag(tag: string): string | undefined {
  const c = canonical(tag);
  return c !== undefined && subtagsRegistered(c) ? c : undefined;
}

export function isValidLanguageTag(tag: string): boolean {
  return canonicalizeLanguageTag(tag) !== undefined;
}

/**
 * Canonicalizes every tag (order kept, duplicates removed after canonicalization). Throws
 * `UnknownReferenceCodeError` (kind "language") listing every invalid tag.
 */
export function canonicalizeLanguageTags(tags: readonly string[]): string[] {
  const invalid: string[] = [];
  const out = new Set<string>();
  for (const t of tags) {
    const c = canonicalizeLanguageTag(t);
    if (c === undefined) invalid.push(t);
    else out.add(c);
  }
  if (invalid.length > 0) throw new UnknownReferenceCodeError("language", invalid);
  return [...out];
}

const displayEn = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });
const displayZh = new Intl.DisplayNames(["zh-Hans"], { type: "language", fallback: "code" });

/** Display names of a tag, e.g. `es-419` → {en: "Latin American Spanish", zh: "拉丁美洲西班牙语"}. */
export function languageName(tag: string): LocalizedName {
  const c = canonicalizeLanguageTag(tag);
  if (c === undefined) throw new UnknownReferenceCodeError("language", [tag]);
  return { en: displayEn.of(c) ?? c, zh: displayZh.of(c) ?? c };
}

/**
 * Tags offered first in language pickers for dubbing and subtitles. A product choice (like the
 * genre list), not reference data: any valid BCP 47 tag is accepted.
 */
export const SUGGESTED_LANGUAGE_TAGS = Object.freeze([
  "zh-Hans",
  "zh-Hant",
  "yue",
  "en",
  "ja",
  "ko",
  "th",
  "vi",
  "id",
  "ms",
  "fil",
  "hi",
  "ar",
  "tr",
  "ru",
  "fr",
  "de",
  "it",
  "es",
  "es-419",
  "pt",
  "pt-BR",
] as const);

let isoLanguages: readonly { code: string; name: LocalizedName }[] | undefined;

/**
 * The ISO 639-1 languages (two-letter subtags of the registry, deprecated ones such as `iw`
 * left out), with display names, sorted by code.
 */
export function listLanguages(): readonly { code: string; name: LocalizedName }[] {
  isoLanguages ??= Object.freeze(
    [...LANGUAGES.keys()]
      .filter((s) => s.length === 2 && canonical(s) === s)
      .sort()
      .map((code) => Object.freeze({ code, name: Object.freeze(languageName(code)) })),
  );
  return isoLanguages;
}
