import { describe, expect, it } from "vitest";
import {
  blankLine,
  formPathOf,
  grossTotalMinor,
  type StatementFormValues,
  seasonsFor,
  toStatementPayload,
  validateStatement,
} from "./statement-form-model";

const TITLE = "0194d3f2-0000-7000-8000-000000000001";
const OTHER = "0194d3f2-0000-7000-8000-000000000002";
const ctx = { currency: "USD", exponent: 2, scopes: [{ titleId: TITLE, countries: ["TH", "VN"], media: ["SVOD", "AVOD"] }] };

const good = (): StatementFormValues => ({
  periodStart: "2027-01-01",
  periodEnd: "2027-03-31",
  supersedesId: "",
  expenses: "",
  lines: [{ titleId: TITLE, territory: "TH", mediaRight: "SVOD", revenueType: "STREAMING", gross: "1250.50" }],
});

describe("validateStatement", () => {
  it("accepts a statement within the grants", () => {
    expect(validateStatement(good(), ctx)).toEqual({});
  });

  it.each([
    ["a gross with more digits than the currency has", { gross: "1.005" }, "lines.0.gross", "digits"],
    ["a negative gross", { gross: "-5" }, "lines.0.gross", "amount"],
    ["a country outside the grants", { territory: "JP" }, "lines.0.territory", "territoryNotGranted"],
    ["a media right outside the grants", { mediaRight: "TVOD" }, "lines.0.mediaRight", "mediaNotGranted"],
    ["no title", { titleId: "" }, "lines.0.titleId", "title"],
    ["no revenue type", { revenueType: "" }, "lines.0.revenueType", "revenueType"],
  ])("names the field of %s", (_what, change, path, rule) => {
    const v = good();
    v.lines[0] = { ...v.lines[0]!, ...change };
    expect(validateStatement(v, ctx)[path]).toBe(rule);
  });

  it("refuses a period that ends before it starts, and JPY decimals", () => {
    expect(validateStatement({ ...good(), periodEnd: "2026-12-31" }, ctx).periodEnd).toBe("periodOrder");
    const jpy = { ...ctx, currency: "JPY", exponent: 0 };
    expect(validateStatement({ ...good(), lines: [{ ...good().lines[0]!, gross: "100.5" }] }, jpy)["lines.0.gross"]).toBe("digits");
    expect(validateStatement({ ...good(), expenses: "1.234" }, ctx).expenses).toBe("digits");
  });

  it("flags every bad line by its index, not just the first", () => {
    const v = good();
    v.lines.push(blankLine(), { ...v.lines[0]!, titleId: OTHER });
    const errors = validateStatement(v, ctx);
    expect(errors["lines.1.gross"]).toBe("amount");
    expect(errors["lines.2.territory"]).toBe("territoryNotGranted");
  });
});

describe("payload and paths", () => {
  it("sends Money in the deal's currency and leaves out empty optional fields", () => {
    const payload = toStatementPayload({ ...good(), expenses: " 10.00 " }, "USD");
    expect(payload.expenses).toEqual({ amount: "10.00", currency: "USD" });
    expect(payload.lines[0]!.gross).toEqual({ amount: "1250.50", currency: "USD" });
    // Thousands grouped as typed are sent without their separators, and count as valid amounts.
    const grouped = { ...good(), expenses: "12,500.00", lines: [{ ...good().lines[0]!, gross: "1,250,000.50" }] };
    expect(toStatementPayload(grouped, "USD").lines[0]!.gross).toEqual({ amount: "1250000.50", currency: "USD" });
    expect(toStatementPayload(grouped, "USD").expenses).toEqual({ amount: "12500.00", currency: "USD" });
    expect(validateStatement(grouped, ctx)).toEqual({});
    expect("supersedesId" in toStatementPayload(good(), "USD")).toBe(false);
  });

  it("maps server paths onto form fields and totals the valid amounts exactly", () => {
    expect(formPathOf("lines.3.gross.amount")).toBe("lines.3.gross");
    expect(formPathOf("lines.3.territory")).toBe("lines.3.territory");
    expect(
      grossTotalMinor(
        [
          { ...blankLine(), gross: "0.10" },
          { ...blankLine(), gross: "0.2" },
          { ...blankLine(), gross: "x" },
        ],
        2,
      ),
    ).toBe(30n);
  });
});

describe("a line's season (series)", () => {
  const series = { ...ctx, scopes: [{ ...ctx.scopes[0]!, seasons: [1, 2] }] };
  it("sends the season chosen as a number, and nothing when none is chosen", () => {
    const v = good();
    v.lines[0] = { ...v.lines[0]!, season: "2" };
    expect(toStatementPayload(v, "USD").lines[0]).toMatchObject({ season: 2 });
    expect("season" in toStatementPayload(good(), "USD").lines[0]!).toBe(false);
    expect("season" in toStatementPayload({ ...good(), lines: [{ ...good().lines[0]!, season: " " }] }, "USD").lines[0]!).toBe(false);
    expect(validateStatement(v, series)).toEqual({});
  });

  it("names the season field for a value that is not a season number", () => {
    for (const season of ["0", "x", "1.5"]) {
      const v = good();
      v.lines[0] = { ...v.lines[0]!, season };
      expect(validateStatement(v, series)["lines.0.season"], season).toBe("season");
    }
  });

  it("offers the seasons of the line's title only", () => {
    expect(seasonsFor(series.scopes, TITLE)).toEqual([1, 2]);
    expect(seasonsFor(series.scopes, OTHER)).toEqual([]);
    expect(seasonsFor(ctx.scopes, TITLE)).toEqual([]);
  });
});
