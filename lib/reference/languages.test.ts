import { describe, expect, it } from "vitest";
import { UnknownReferenceCodeError } from "./errors";
import {
  canonicalizeLanguageTag,
  canonicalizeLanguageTags,
  isValidLanguageTag,
  LANGUAGE_REGISTRY_DATE,
  languageName,
  listLanguages,
  SUGGESTED_LANGUAGE_TAGS,
} from "./languages";

describe("languages (BCP 47)", () => {
  it("accepts registered tags and canonicalizes them", () => {
    for (const tag of [
      "en",
      "zh",
      "zh-Hans",
      "zh-Hant-TW",
      "yue",
      "yue-Hant-HK",
      "es-419",
      "pt-BR",
      "sr-Latn-RS",
      "de-CH-1996",
      "en-US-u-ca-gregory",
      "und",
      "zxx",
    ]) {
      expect(isValidLanguageTag(tag), tag).toBe(true);
    }
    expect(canonicalizeLanguageTag("ZH-hans-cn")).toBe("zh-Hans-CN");
    expect(canonicalizeLanguageTag("iw")).toBe("he"); // deprecated subtag
    expect(canonicalizeLanguageTag("zh-yue")).toBe("yue"); // extlang form
    expect(canonicalizeLanguageTag("zh-cmn-Hans-CN")).toBe("zh-Hans-CN"); // CLDR aliases cmn to zh
    expect(LANGUAGE_REGISTRY_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("refuses ill-formed tags and unregistered subtags", () => {
    for (const tag of [
      "",
      " en",
      "en_US",
      "english",
      "xx",
      "zz-CN",
      "en-AB",
      "zh-Hanx",
      "en-US-abcdefghi",
      "de-CH-1997",
      "i-klingon",
      "x-private",
    ]) {
      expect(isValidLanguageTag(tag), tag).toBe(false);
    }
    expect(() => canonicalizeLanguageTags(["en", "xx", "en_US"])).toThrow(new UnknownReferenceCodeError("language", ["xx", "en_US"]));
    expect(canonicalizeLanguageTags(["zh-hans", "zh-Hans", "en"])).toEqual(["zh-Hans", "en"]);
  });

  it("names tags in en and zh", () => {
    expect(languageName("es-419").zh).toMatch(/西班牙语/);
    expect(languageName("zh-Hans").en).toMatch(/Chinese/);
    expect(languageName("ko")).toEqual({ en: "Korean", zh: "韩语" });
    expect(() => languageName("xx")).toThrow(UnknownReferenceCodeError);
  });

  it("lists the ISO 639-1 languages, and suggests only valid tags", () => {
    const list = listLanguages();
    expect(list.length).toBeGreaterThan(180);
    expect(list.find((l) => l.code === "zh")?.name.zh).toBe("中文");
    expect(list.some((l) => l.code === "iw")).toBe(false);
    for (const tag of SUGGESTED_LANGUAGE_TAGS) expect(canonicalizeLanguageTag(tag), tag).toBe(tag);
  });
});
