import { describe, expect, it } from "vitest";
import { collatorFor, sortByName, titleSortName } from "./collate";

describe("collatorFor", () => {
  it("English: alphabetical, case-insensitive, numbers by value", () => {
    expect(sortByName(["banana", "Apple", "cherry", "apple pie", "Episode 10", "Episode 9"], (s) => s, "en")).toEqual([
      "Apple",
      "apple pie",
      "banana",
      "cherry",
      "Episode 9",
      "Episode 10",
    ]);
    expect(collatorFor("en").compare("ZEBRA", "zebra")).toBe(0);
  });
  it("Chinese: by pinyin, not by character code", () => {
    // Code points: 北 U+5317 < 玉 U+7389 < 阿 U+963F; pinyin: a < bei < yu.
    expect(sortByName(["玉山", "北京", "阿里"], (s) => s, "zh")).toEqual(["阿里", "北京", "玉山"]);
    expect(["玉山", "北京", "阿里"].sort()).not.toEqual(["阿里", "北京", "玉山"]);
  });
  it("an unknown locale sorts as English; a title sorts by the viewer's language, else its original title", () => {
    expect(sortByName(["b", "A"], (s) => s, "fr")).toEqual(["A", "b"]);
    const t = { originalTitle: "玉山", titleEn: "Jade Mountain", titleZh: null };
    expect(titleSortName(t, "en")).toBe("Jade Mountain");
    expect(titleSortName(t, "zh")).toBe("玉山");
  });
  it("orders title names as the catalogue's SQL does (tests/integration/catalogue-list.test.ts, title A–Z)", () => {
    // The same names and the same expected orders as the API test: the CLDR collations of the
    // database's title_name_en / title_name_zh and of the browser agree.
    expect(
      sortByName(
        ["Zebra Crossing", "cherry 10", "Lucky Ah Fu", "Apple Tree", "Émile", "Peking Story", "Cherry 9", "banana Boat"],
        (s) => s,
        "en",
      ),
    ).toEqual(["Apple Tree", "banana Boat", "Cherry 9", "cherry 10", "Émile", "Lucky Ah Fu", "Peking Story", "Zebra Crossing"]);
    expect(sortByName(["苹果树", "banana Boat", "cherry 10", "Cherry 9", "北京故事", "阿福", "斑马线", "Émile"], (s) => s, "zh")).toEqual([
      "阿福",
      "斑马线",
      "北京故事",
      "苹果树",
      "banana Boat",
      "Cherry 9",
      "cherry 10",
      "Émile",
    ]);
  });
});
