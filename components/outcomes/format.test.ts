import { describe, expect, it } from "vitest";
import { periodLabel, ratioLabel } from "./format";

const quarter = ({ year, quarter }: { year: string; quarter: string }) => `Q${quarter} ${year}`;

describe("outcomes display helpers", () => {
  it("names months in the UI language, whatever the host time zone", () => {
    expect(periodLabel("2026-01", "en", quarter)).toBe("Jan 2026");
    expect(periodLabel("2026-12", "zh", quarter)).toBe("2026年12月");
    expect(periodLabel("2026-Q3", "en", quarter)).toBe("Q3 2026");
  });

  it("shows a ratio with two decimals, half-even, and keeps null", () => {
    expect(ratioLabel("2.5000", "en")).toBe("2.50×");
    expect(ratioLabel("1234.5650", "en")).toBe("1,234.56×");
    expect(ratioLabel("0.0050", "zh")).toBe("0.00×");
    expect(ratioLabel(null, "en")).toBeNull();
  });
});
