import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { assertCurrencyCodes, CURRENCY_DATA_DATE, getCurrency, isCurrencyCode, listCurrencies, minorUnits } from "./currencies";
import { UnknownReferenceCodeError } from "./errors";

describe("currencies (ISO 4217)", () => {
  it("knows the minor-unit exponents", () => {
    expect(
      Object.fromEntries(["CNY", "USD", "EUR", "KRW", "JPY", "BHD", "HKD", "TWD", "VND", "KWD", "CLF"].map((c) => [c, minorUnits(c)])),
    ).toEqual({
      CNY: 2,
      USD: 2,
      EUR: 2,
      KRW: 0,
      JPY: 0,
      BHD: 3,
      HKD: 2,
      TWD: 2,
      VND: 0,
      KWD: 3,
      CLF: 4,
    });
  });

  it("gives codes, numeric codes and names in en and zh", () => {
    expect(getCurrency("CNY")).toMatchObject({ code: "CNY", numeric: "156", minorUnits: 2, isoName: "Yuan Renminbi" });
    expect(getCurrency("CNY")?.name.zh).toBe("人民币");
    expect(getCurrency("USD")?.name.en).toBe("US Dollar");
    for (const c of listCurrencies()) {
      expect(c.code).toMatch(/^[A-Z]{3}$/);
      expect(c.numeric).toMatch(/^\d{3}$/);
      expect(c.name.en.length).toBeGreaterThan(1);
      expect(c.name.zh.length).toBeGreaterThan(0);
    }
    expect(CURRENCY_DATA_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("has no minor unit where ISO says N.A., and matches the ISO XML shipped with the data", () => {
    const require = createRequire(import.meta.url);
    const xml = readFileSync(require.resolve("currency-codes/iso-4217-list-one.xml"), "utf8");
    const iso = new Map<string, number | null>();
    for (const entry of xml.matchAll(/<Ccy>([A-Z]{3})<\/Ccy>[\s\S]*?<CcyMnrUnts>([^<]+)<\/CcyMnrUnts>/g)) {
      iso.set(entry[1] as string, entry[2] === "N.A." ? null : Number(entry[2]));
    }
    expect(iso.size).toBe(listCurrencies().length);
    for (const c of listCurrencies()) expect(c.minorUnits, c.code).toBe(iso.get(c.code));
    expect(getCurrency("XAU")?.minorUnits).toBeNull();
    expect(() => minorUnits("XAU")).toThrow(UnknownReferenceCodeError);
    const dealable = listCurrencies({ dealable: true });
    expect(dealable.some((c) => c.code === "XAU")).toBe(false);
    expect(dealable.some((c) => c.code === "XOF")).toBe(true); // CFA franc: 0 decimals, a real currency
  });

  it("refuses unknown codes", () => {
    expect(isCurrencyCode("RMB")).toBe(false);
    expect(() => minorUnits("RMB")).toThrow(UnknownReferenceCodeError);
    expect(() => assertCurrencyCodes(["CNY", "RMB", "usd"])).toThrow(new UnknownReferenceCodeError("currency", ["RMB", "usd"]));
  });
});
