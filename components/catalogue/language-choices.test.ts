import { describe, expect, it } from "vitest";
import { languageChoices } from "./language-choices";

const SUGGESTED = ["zh", "ko", "ja", "th", "pt-BR", "en"];

describe("languageChoices (the title form's language picker)", () => {
  it("names the languages in the UI language and sorts them by that name", () => {
    expect(languageChoices(SUGGESTED, null, "", "en").map((c) => c.label)).toEqual([
      "Brazilian Portuguese",
      "Chinese",
      "English",
      "Japanese",
      "Korean",
      "Thai",
    ]);
    // By pinyin: 巴西葡萄牙语 (bā), 韩语 (hán), 日语 (rì), 泰语 (tài), 英语 (yīng), 中文 (zhōng).
    expect(languageChoices(SUGGESTED, null, "", "zh").map((c) => c.tag)).toEqual(["pt-BR", "ko", "ja", "th", "en", "zh"]);
  });

  it("finds a language by its name in either language or by its tag", () => {
    expect(languageChoices(SUGGESTED, null, "kor", "zh").map((c) => c.tag)).toEqual(["ko"]);
    expect(languageChoices(SUGGESTED, null, "韩", "zh").map((c) => c.tag)).toEqual(["ko"]);
    expect(languageChoices(SUGGESTED, null, "pt-br", "en").map((c) => c.tag)).toEqual(["pt-BR"]);
  });

  it("offers a well-formed tag that is not listed, and keeps a current value that is not suggested", () => {
    expect(languageChoices(SUGGESTED, null, "yue", "en")[0]).toEqual({ tag: "yue", label: "yue", custom: true });
    expect(languageChoices(SUGGESTED, null, "not a tag!", "en")).toEqual([]);
    expect(languageChoices(SUGGESTED, "yue", "", "en").map((c) => c.tag)).toContain("yue");
  });
});
