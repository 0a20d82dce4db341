import { describe, expect, it } from "vitest";
import { UnknownReferenceCodeError } from "./errors";
import { assertGenreCodes, GENRE_CODES, getGenre, isGenreCode, listGenres } from "./genres";

describe("genres", () => {
  it("includes every genre PRODUCT.md §2 names, with en and zh names", () => {
    for (const code of [
      "XIANXIA",
      "WUXIA",
      "CRIME",
      "ACTION_ADVENTURE",
      "FANTASY",
      "ROMANCE",
      "SCI_FI",
      "COMEDY",
      "MOBILE_ACTION_RPG",
      "SANDBOX_SHOOTER",
    ]) {
      expect(isGenreCode(code), code).toBe(true);
    }
    for (const g of listGenres()) {
      expect(g.code).toMatch(/^[A-Z][A-Z_]*$/);
      expect(g.name.en.length).toBeGreaterThan(2);
      expect(g.name.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(GENRE_CODES).size).toBe(GENRE_CODES.length);
    expect(getGenre("XIANXIA")).toEqual({ code: "XIANXIA", name: { en: "Xianxia", zh: "仙侠" } });
    expect(getGenre("toString")).toBeUndefined();
  });

  it("refuses unknown codes, listing each", () => {
    expect(() => assertGenreCodes(["WUXIA"])).not.toThrow();
    expect(() => assertGenreCodes(["WUXIA", "KUNGFU", "wuxia"])).toThrow(new UnknownReferenceCodeError("genre", ["KUNGFU", "wuxia"]));
  });
});
