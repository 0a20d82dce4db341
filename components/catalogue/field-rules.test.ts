import { describe, expect, it } from "vitest";
import { fieldErrorText, serverErrorText } from "@/components/forms/field-errors";
import { messages } from "@/messages";
import { CATALOGUE_RULES, catalogueFieldRules, formPath } from "./field-rules";

const VALID_EIDR = "10.5240/7EC7-228A-510A-053E-CBB8-J";
const WRONG_CHECK = "10.5240/7EC7-228A-510A-053E-CBB8-K";

describe("catalogue field rules", () => {
  it("names each field's rule, array indexes aside", () => {
    expect(fieldErrorText("awards.2.year", { type: "too_small" }, catalogueFieldRules)).toEqual({ key: "awardYear" });
    expect(fieldErrorText("genres", { type: "too_small" }, catalogueFieldRules)).toEqual({ key: "genres" });
    expect(fieldErrorText("changes.0.description", { type: "too_big" }, catalogueFieldRules)).toEqual({ key: "changeDescription" });
  });

  it("says what is wrong with a typed EIDR: its check character, or its form", () => {
    expect(fieldErrorText("eidr", { type: "custom" }, catalogueFieldRules, WRONG_CHECK)).toEqual({ key: "eidrCheck" });
    expect(fieldErrorText("eidrEdit", { type: "custom" }, catalogueFieldRules, "10.5240/nope")).toEqual({ key: "eidrFormat" });
    expect(fieldErrorText("eidr", { type: "custom" }, catalogueFieldRules, undefined)).toEqual({ key: "eidrFormat" });
  });

  it("shows the error's own message, else the generic one, for a field with no rule", () => {
    expect(fieldErrorText("lockVersion", { type: "custom", message: "Stale." }, catalogueFieldRules)).toEqual({ text: "Stale." });
    expect(fieldErrorText("lockVersion", { type: "custom" }, catalogueFieldRules)).toEqual({ key: "generic" });
  });

  it("translates server errors by field, and the EIDR and date ones by what went wrong", () => {
    const server = (path: string, message: string, value?: unknown) => serverErrorText(path, message, catalogueFieldRules, value);
    expect(server("eidr", "This EIDR is already registered to another title.")).toEqual({ key: "eidrTaken" });
    expect(server("eidrEdit", "Wrong check character.")).toEqual({ key: "eidrCheck" });
    expect(server("eidr", "Not an EIDR.", WRONG_CHECK)).toEqual({ key: "eidrCheck" });
    expect(server("eidr", "Not an EIDR.", VALID_EIDR)).toEqual({ key: "eidrFormat" });
    expect(server("date", "The date cannot be in the future.")).toEqual({ key: "dateFuture" });
    expect(server("date", "Invalid date.")).toEqual({ key: "date" });
    expect(server("titles.en", "Too long.")).toEqual({ key: "titleEn" });
    expect(server("kind2", "Something the form has no words for.")).toEqual({ text: "Something the form has no words for." });
  });

  it("puts server errors on list fields on the list itself", () => {
    expect(formPath("territories.3")).toBe("territories");
    expect(formPath("changes.1.category")).toBe("changes.1.category");
  });

  it("names only rules that have a message in both languages", () => {
    const keys = [...Object.values(CATALOGUE_RULES), "eidrCheck", "eidrFormat", "eidrTaken", "dateFuture", "generic"];
    for (const key of keys) {
      expect(messages.en.catalogue.validation, key).toHaveProperty(key);
      expect(messages.zh.catalogue.validation, key).toHaveProperty(key);
    }
  });
});
