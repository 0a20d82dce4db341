import { describe, expect, it } from "vitest";
import { isLocale, negotiateLocale, toIntlLocale } from "./config";

describe("negotiateLocale", () => {
  it("falls back to English without a usable header", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("fr-FR,de;q=0.8")).toBe("en");
  });

  it("honours q-values and order", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(negotiateLocale("en-GB,en;q=0.9,zh;q=0.8")).toBe("en");
    expect(negotiateLocale("fr;q=1, en;q=0.5, zh;q=0.7")).toBe("zh");
    expect(negotiateLocale("zh;q=0, en")).toBe("en");
  });

  it("serves any Chinese variant in Simplified Chinese", () => {
    expect(negotiateLocale("zh-TW")).toBe("zh");
    expect(negotiateLocale("zh-Hans-CN")).toBe("zh");
  });
});

describe("locale helpers", () => {
  it("validates locales and maps them to Intl tags", () => {
    expect(isLocale("zh")).toBe(true);
    expect(isLocale("zh-CN")).toBe(false);
    expect(toIntlLocale("zh")).toBe("zh-CN");
    expect(toIntlLocale("de-DE")).toBe("de-DE");
  });
});
