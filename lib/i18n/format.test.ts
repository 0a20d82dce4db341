import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, formatRate, formatRelativeTime } from "./format";

// ICU separates some parts with (narrow) no-break spaces; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it("formats decimal strings with the currency's symbol and grouping per locale", () => {
    expect(formatMoney({ amount: "1250000.00", currency: "USD" }, "en")).toBe("$1,250,000.00");
    expect(formatMoney({ amount: "1250000.00", currency: "CNY" }, "zh")).toBe("¥1,250,000.00");
    expect(formatMoney({ amount: "1250000.00", currency: "USD" }, "zh")).toBe("US$1,250,000.00");
  });

  it("keeps every digit of amounts beyond float precision", () => {
    // 2^53 is about 9.007e15; as a float this would print ...568.00.
    expect(formatMoney({ amount: "12345678901234567.89", currency: "USD" }, "en")).toBe("$12,345,678,901,234,567.89");
    expect(formatMoney({ amount: "0.10", currency: "EUR" }, "en")).toBe("€0.10");
  });

  it("uses the currency's minor unit: none for KRW and JPY", () => {
    expect(formatMoney({ amount: "1250000", currency: "KRW" }, "en")).toBe("₩1,250,000");
    expect(formatMoney({ amount: "980", currency: "JPY" }, "zh")).toBe("JP¥980");
  });

  it("rounds extra digits half-even, like the waterfall", () => {
    expect(formatMoney({ amount: "0.125", currency: "USD" }, "en")).toBe("$0.12");
    expect(formatMoney({ amount: "0.135", currency: "USD" }, "en")).toBe("$0.14");
  });

  it("shows negatives, never a negative zero, and an explicit sign on request", () => {
    expect(formatMoney({ amount: "-1500.50", currency: "USD" }, "en")).toBe("-$1,500.50");
    expect(formatMoney({ amount: "-0.00", currency: "USD" }, "en")).toBe("$0.00");
    expect(formatMoney({ amount: "25.00", currency: "USD" }, "en", { signDisplay: "exceptZero" })).toBe("+$25.00");
  });

  it("offers compact and code display for dashboards and mixed-currency tables", () => {
    expect(formatMoney({ amount: "1250000.00", currency: "USD" }, "en", { compact: true })).toBe("$1.3M");
    expect(formatMoney({ amount: "1250000.00", currency: "CNY" }, "zh", { compact: true })).toBe("¥125万");
    expect(plain(formatMoney({ amount: "1250000.00", currency: "USD" }, "en", { display: "code" }))).toBe("USD 1,250,000.00");
  });

  it("refuses anything that is not a decimal string instead of printing NaN", () => {
    expect(() => formatMoney({ amount: "12,50", currency: "USD" }, "en")).toThrow(TypeError);
    expect(() => formatMoney({ amount: "", currency: "USD" }, "en")).toThrow(TypeError);
    expect(() => formatMoney({ amount: "1e3", currency: "USD" }, "en")).toThrow(TypeError);
  });
});

describe("formatNumber and formatPercent", () => {
  it("groups digits per locale and accepts strings, numbers and bigints", () => {
    expect(formatNumber(1234567.891, "en")).toBe("1,234,567.891");
    expect(formatNumber("98765432109876543210", "zh")).toBe("98,765,432,109,876,543,210");
    expect(formatNumber(12n, "en")).toBe("12");
    expect(formatNumber(0.5, "en", { style: "percent" })).toBe("50%");
  });

  it("treats percentages as points: '12.5' is 12.5%", () => {
    expect(formatPercent("12.5", "en")).toBe("12.5%");
    expect(formatPercent("70", "zh")).toBe("70%");
    expect(formatPercent(33.3333, "en")).toBe("33.33%");
    expect(plain(formatPercent("12.5", "de-DE"))).toBe("12,5 %");
  });
});

describe("formatDate (calendar dates)", () => {
  it("renders the same day in every locale and any host time zone", () => {
    expect(formatDate("2026-01-01", "en")).toBe("Jan 1, 2026");
    expect(formatDate("2026-01-01", "zh")).toBe("2026年1月1日");
    expect(formatDate("2026-12-31", "en", { style: "long" })).toBe("December 31, 2026");
  });

  it("reads Prisma @db.Date values (UTC midnight) as the same day", () => {
    expect(formatDate(new Date(Date.UTC(2026, 2, 1)), "en")).toBe("Mar 1, 2026");
    expect(formatDate("2026-03-01T00:00:00.000Z", "zh")).toBe("2026年3月1日");
  });

  it("rejects impossible dates rather than rolling them over", () => {
    expect(() => formatDate("2026-02-30", "en")).toThrow(RangeError);
    expect(() => formatDate("01/02/2026", "en")).toThrow(RangeError);
  });
});

describe("formatDateTime (instants)", () => {
  const instant = "2026-03-01T14:30:00.000Z";

  it("shows UTC by default with the zone named, whatever the host zone is", () => {
    expect(plain(formatDateTime(instant, "en"))).toBe("Mar 1, 2026, 2:30 PM UTC");
    expect(plain(formatDateTime(instant, "zh"))).toBe("2026年3月1日 UTC 14:30");
  });

  it("converts to the viewer's zone when one is given", () => {
    expect(plain(formatDateTime(instant, "zh", { timeZone: "Asia/Shanghai" }))).toBe("2026年3月1日 GMT+8 22:30");
    // 23:30 UTC is already the next day in Shanghai.
    expect(plain(formatDateTime("2026-03-01T23:30:00Z", "en", { timeZone: "Asia/Shanghai" }))).toBe("Mar 2, 2026, 7:30 AM GMT+8");
  });

  it("accepts Date objects and epoch milliseconds, and rejects garbage", () => {
    expect(plain(formatDateTime(new Date(instant), "en"))).toBe("Mar 1, 2026, 2:30 PM UTC");
    expect(plain(formatDateTime(Date.parse(instant), "en", { seconds: true }))).toBe("Mar 1, 2026, 2:30:00 PM UTC");
    expect(() => formatDateTime("yesterday", "en")).toThrow(RangeError);
  });
});

describe("formatRelativeTime", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  it("picks the largest sensible unit", () => {
    expect(formatRelativeTime("2026-03-07T12:00:00Z", "en", now)).toBe("3 days ago");
    expect(formatRelativeTime("2026-03-09T12:00:00Z", "zh", now)).toBe("昨天");
    expect(formatRelativeTime("2026-03-10T11:58:00Z", "en", now)).toBe("2 minutes ago");
    expect(formatRelativeTime(now, "en", now)).toBe("now");
  });
});

describe("dates are unambiguous in both languages", () => {
  it("a short date names the month (never 12/7/26)", () => {
    for (const locale of ["en", "zh"]) {
      const short = formatDate("2026-12-07", locale, { style: "short" });
      expect(short).not.toMatch(/^\d{1,2}\/\d{1,2}\/\d{2,4}$/);
      expect(short).toBe(formatDate("2026-12-07", locale));
    }
    expect(formatDate("2026-12-07", "en", { style: "short" })).toBe("Dec 7, 2026");
    expect(formatDate("2026-12-07", "zh", { style: "short" })).toBe("2026年12月7日");
  });
  it("formatDateTime(date, locale, timeZone) shows the organisation's zone, UTC without one", () => {
    const at = new Date("2026-12-07T21:30:00Z");
    expect(formatDateTime(at, "en", "Asia/Shanghai")).toMatch(/Dec 8, 2026.*5:30.*GMT\+8/);
    expect(formatDateTime(at, "en", null)).toMatch(/Dec 7, 2026.*9:30.*UTC/);
    expect(formatDateTime(at, "zh", "America/Sao_Paulo")).toMatch(/2026年12月7日.*GMT-3.*18:30/);
  });
});

describe("formatRate (issue 17 point 13: sensible precision)", () => {
  it.each([
    ["0.000740740740740741", "en", "0.000740741"],
    ["0.140845070422535211", "en", "0.140845"],
    ["7.3012", "en", "7.3012"],
    ["1465.20", "en", "1,465.2"],
    ["1350", "zh", "1,350"],
    ["7.20000000", "en", "7.2"],
    // Half-even on the sixth significant digit.
    ["1.0000025", "en", "1"],
    ["2.123425", "en", "2.12342"],
  ])("%s in %s reads %s", (rate, locale, expected) => {
    expect(formatRate(rate, locale)).toBe(expected);
  });
});
