import { describe, expect, it } from "vitest";
import { checkEidr, mod3736CheckCharacter } from "./eidr";

// Real EIDR IDs published in EIDR's documentation and public metadata (Ghostbusters and others).
const REAL = [
  "10.5240/7EC7-228A-510A-053E-CBB8-J",
  "10.5240/7791-8534-2C23-9030-8610-5",
  "10.5240/B752-5B47-DBBE-E5D4-5A3F-N",
  "10.5240/DF48-AB62-4486-C185-9E1B-4",
  "10.5240/2B3B-1E0E-9314-2C6E-A453-3",
];

describe("EIDR check character (ISO 7064 MOD 37,36)", () => {
  it.each(REAL)("accepts the real ID %s", (id) => {
    expect(checkEidr(id)).toEqual({ ok: true, value: id });
  });

  it("normalises case and whitespace", () => {
    expect(checkEidr("  10.5240/7ec7-228a-510a-053e-cbb8-j ")).toEqual({ ok: true, value: "10.5240/7EC7-228A-510A-053E-CBB8-J" });
  });

  it("refuses every other check character of a real ID", () => {
    const body = "10.5240/7EC7-228A-510A-053E-CBB8-";
    for (const c of "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".replace("J", "")) {
      expect(checkEidr(body + c)).toEqual({ ok: false, problem: "CHECK_CHARACTER" });
    }
  });

  it("catches a single changed digit", () => {
    expect(checkEidr("10.5240/7EC7-228A-510A-053E-CBB9-J").ok).toBe(false);
  });

  it.each([
    "",
    "10.5240/7EC7-228A-510A-053E-CBB8",
    "10.5241/7EC7-228A-510A-053E-CBB8-J",
    "10.5240/7EC7228A510A053ECBB8J",
    "10.5240/GEC7-228A-510A-053E-CBB8-J",
  ])("refuses the malformed %j", (id) => {
    expect(checkEidr(id)).toEqual({ ok: false, problem: "FORMAT" });
  });

  it("computes the check character of a payload", () => {
    expect(mod3736CheckCharacter("7EC7228A510A053ECBB8")).toBe("J");
  });
});
