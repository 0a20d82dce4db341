import { describe, expect, it } from "vitest";
import { formPath } from "./field-rules";
import { parseLanguageTag } from "./languages";
import { listQueryFrom } from "./list-query";
import { alternateTitles, displayTitle, hasEpisodes, hasRuntime } from "./title-display";

const wanderingEarth = { originalTitle: "流浪地球", titles: { en: "The Wandering Earth", zh: "流浪地球" } };

describe("title names", () => {
  it("shows the title in the viewer's language, else the original", () => {
    expect(displayTitle(wanderingEarth, "en")).toBe("The Wandering Earth");
    expect(displayTitle(wanderingEarth, "zh")).toBe("流浪地球");
    expect(displayTitle({ originalTitle: "기생충", titles: { en: null, zh: null } }, "zh")).toBe("기생충");
  });

  it("lists the other names once, original first", () => {
    expect(alternateTitles(wanderingEarth, "en")).toEqual(["流浪地球"]);
    expect(alternateTitles(wanderingEarth, "zh")).toEqual(["The Wandering Earth"]);
    expect(alternateTitles({ originalTitle: "기생충", titles: { en: "Parasite", zh: "寄生虫" } }, "en")).toEqual(["기생충", "寄生虫"]);
  });

  it("asks for runtime and episodes only where they mean something", () => {
    expect([hasRuntime("FILM"), hasEpisodes("FILM")]).toEqual([true, false]);
    expect([hasRuntime("SERIES"), hasEpisodes("SERIES")]).toEqual([true, true]);
    expect([hasRuntime("GAME"), hasEpisodes("GAME")]).toEqual([false, false]);
  });
});

describe("form helpers", () => {
  it("puts server errors on list fields on the list, and keeps nested paths", () => {
    expect(formPath("genres.2")).toBe("genres");
    expect(formPath("audioLanguages.0")).toBe("audioLanguages");
    expect(formPath("awards.1.year")).toBe("awards.1.year");
    expect(formPath("eidr")).toBe("eidr");
  });

  it("accepts typed language tags in canonical form and nothing else", () => {
    expect(parseLanguageTag("pt-br")).toBe("pt-BR");
    expect(parseLanguageTag("zh-hans")).toBe("zh-Hans");
    expect(parseLanguageTag("th")).toBe("th");
    expect(parseLanguageTag("Thai language")).toBeNull();
    expect(parseLanguageTag("1234")).toBeNull();
  });
});

describe("listQueryFrom", () => {
  it("reads filters, sort and page from the URL", () => {
    const query = listQueryFrom({ q: "仙", kind: "SERIES", genre: "XIANXIA", sort: "year", order: "desc", limit: "25" });
    expect(query).toMatchObject({ q: "仙", kind: "SERIES", genre: "XIANXIA", sort: "year", order: "desc", limit: 25, archived: "false" });
  });

  it("drops a bad parameter instead of failing the page", () => {
    const query = listQueryFrom({ kind: "OPERA", genre: "NOPE", limit: "100000", sort: "year", visibility: ["LISTED", "PRIVATE"] });
    expect(query).toMatchObject({ limit: 50, sort: "year" });
    expect([query.kind, query.genre, query.visibility]).toEqual([undefined, undefined, undefined]);
  });

  it("applies page defaults", () => {
    expect(listQueryFrom({}, { limit: "24" }).limit).toBe(24);
  });
});
