import { describe, expect, it } from "vitest";
import { cleanNumber, groupDigits } from "./group-digits";

describe("groupDigits", () => {
  it.each([
    ["1250000", 7, "1,250,000", 9],
    ["1250000.5", 9, "1,250,000.5", 11],
    ["1,2500", 6, "12,500", 6],
    ["1,250,0000", 10, "12,500,000", 10],
    ["999", 3, "999", 3],
    ["", 0, "", 0],
    ["1000.", 5, "1,000.", 6],
  ])("%s (caret %i) → %s (caret %i)", (value, caret, grouped, at) => {
    expect(groupDigits(value, caret)).toEqual({ value: grouped, caret: at });
  });

  it("keeps the caret after the same digit when typing in the middle", () => {
    // "1,250,000" with a 9 typed after the 2: "1,2950,000", caret after the 9 (index 4).
    expect(groupDigits("1,2950,000", 4)).toEqual({ value: "12,950,000", caret: 4 });
    // Deleting the separator's neighbour: "1,25,000" caret at 4 (after the 5).
    expect(groupDigits("1,25,000", 4)).toEqual({ value: "125,000", caret: 3 });
  });

  it("leaves what is not a plain decimal as typed", () => {
    expect(groupDigits("-1000", 5)).toEqual({ value: "-1000", caret: 5 });
    expect(groupDigits("12abc", 5)).toEqual({ value: "12abc", caret: 5 });
  });
});

describe("cleanNumber", () => {
  it("strips the separators people type, so grouped amounts are sent as plain decimals", () => {
    expect(cleanNumber("1,250,000.50")).toBe("1250000.50");
    expect(cleanNumber(" 1 250 000 ")).toBe("1250000");
    expect(cleanNumber("1，250")).toBe("1250");
    expect(cleanNumber("-5")).toBe("-5");
  });
});
