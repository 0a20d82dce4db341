import { describe, expect, it } from "vitest";
import { countryName, countryOptions, matchesCountry } from "./countries";

describe("countries", () => {
  it("lists every ISO 3166-1 country with names in the UI language", () => {
    const zh = countryOptions("zh");
    expect(zh.length).toBeGreaterThanOrEqual(249);
    expect(zh.find((c) => c.code === "TH")).toEqual({ code: "TH", name: "泰国", englishName: "Thailand" });
    expect(countryName("BR", "en")).toBe("Brazil");
    expect(countryName("KR", "zh")).toBe("韩国");
  });

  it("sorts by the locale's collation", () => {
    const names = countryOptions("en").map((c) => c.name);
    expect(names.indexOf("Åland Islands")).toBeLessThan(names.indexOf("Albania"));
  });

  it("finds countries by local name, English name or code, ignoring accents", () => {
    const [thailand] = countryOptions("zh").filter((c) => c.code === "TH");
    expect(thailand && matchesCountry(thailand, "泰")).toBe(true);
    expect(thailand && matchesCountry(thailand, "thai")).toBe(true);
    expect(thailand && matchesCountry(thailand, "th")).toBe(true);
    const reunion = countryOptions("en").find((c) => c.code === "RE");
    expect(reunion && matchesCountry(reunion, "reunion")).toBe(true);
  });
});
