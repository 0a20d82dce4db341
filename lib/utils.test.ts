import { describe, expect, it } from "vitest";
import { initials } from "./utils";

describe("initials", () => {
  it.each([
    ["Cinema (Asia)", "CA"],
    ["Cathay (HK) Films Ltd.", "CL"],
    ["C (Pictures)", "CP"],
    ["“Quoted” Studio", "QS"],
    ["ana@example.test", "AN"],
    ["Jade Mountain Pictures", "JP"],
    ["玉山影业", "玉山"],
    ["한빛 픽처스", "한픽"],
    ["(( ))", "?"],
    ["   ", "?"],
  ])("%s → %s", (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
