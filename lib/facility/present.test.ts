import { describe, expect, it } from "vitest";
import { belowExposure, LEDGER_CSV_HEADER, LEDGER_CSV_NUMERIC, ledgerCsvRows } from "./present";
import { utilisationFigures } from "./rules";
import { disbursementBodySchema, latestValueDate } from "./schema";

const usd = (amount: string) => ({ amount, currency: "USD" });

describe("ledger CSV", () => {
  it("exports the disbursement's payment reference, value date and paying account beside the exact amounts", () => {
    const rows = ledgerCsvRows([
      {
        at: "2026-12-01T10:00:00.000Z",
        kind: "DISBURSEMENT",
        amount: usd("80000.00"),
        feePart: null,
        principalPart: null,
        paymentReference: "UETR 8a1f",
        valueDate: "2026-12-01",
        payingAccount: "Ops account",
        receiptId: null,
        note: null,
      },
      {
        at: "2026-12-02T10:00:00.000Z",
        kind: "RECOUPMENT",
        amount: usd("100.00"),
        feePart: usd("40.00"),
        principalPart: usd("60.00"),
        paymentReference: null,
        valueDate: null,
        payingAccount: null,
        receiptId: "r1",
        note: null,
      },
    ]);
    const column = (name: (typeof LEDGER_CSV_HEADER)[number]) => LEDGER_CSV_HEADER.indexOf(name);
    expect(rows[0]![column("payment_reference")]).toBe("UETR 8a1f");
    expect(rows[0]![column("value_date")]).toBe("2026-12-01");
    expect(rows[0]![column("paying_account")]).toBe("Ops account");
    expect(rows[1]![column("fee_part")]).toBe("40.00");
    expect(rows.every((r) => r.length === LEDGER_CSV_HEADER.length)).toBe(true);
    expect(LEDGER_CSV_NUMERIC.map((i) => LEDGER_CSV_HEADER[i])).toEqual(["amount", "fee_part", "principal_part"]);
  });
});

describe("disbursement body", () => {
  it("the latest value date is today's date in UTC+14", () => {
    expect(latestValueDate(new Date("2026-12-07T09:59:00Z"))).toBe("2026-12-07");
    expect(latestValueDate(new Date("2026-12-07T10:00:00Z"))).toBe("2026-12-08");
  });

  it("requires the reference, the value date (not in the future) and the account, naming each", () => {
    const missing = disbursementBodySchema.safeParse({ note: "x" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["payingAccount", "paymentReference", "valueDate"]);
    const future = disbursementBodySchema.safeParse({ paymentReference: "R", valueDate: "2999-01-01", payingAccount: "A" });
    expect(future.error?.issues.map((i) => i.message)).toEqual(["The value date cannot be in the future."]);
    expect(disbursementBodySchema.safeParse({ paymentReference: "R", valueDate: "2026-01-31", payingAccount: "A" }).success).toBe(true);
  });
});

describe("utilisationFigures", () => {
  it("names outstanding ÷ capacity and (outstanding + reserved) ÷ capacity, two decimals; none for a zero capacity", () => {
    expect(utilisationFigures(4_540_000n, 1_420_000n, 100_000_000n)).toEqual({
      utilisationPct: "4.54",
      utilisationWithReservedPct: "5.96",
    });
    expect(utilisationFigures(0n, 0n, 100n)).toEqual({ utilisationPct: "0.00", utilisationWithReservedPct: "0.00" });
    expect(utilisationFigures(5n, 5n, 0n)).toEqual({ utilisationPct: null, utilisationWithReservedPct: null });
  });
});

describe("belowExposure", () => {
  it("answers the exposure only while capacity is below principal outstanding + reserved", () => {
    expect(belowExposure(usd("1000.00"), usd("200000.00"), usd("27000.00"))).toEqual(usd("227000.00"));
    expect(belowExposure(usd("227000.00"), usd("200000.00"), usd("27000.00"))).toBeNull();
    expect(belowExposure(usd("226999.99"), usd("200000.00"), usd("27000.00"))).toEqual(usd("227000.00"));
    expect(belowExposure({ amount: "5", currency: "JPY" }, { amount: "3", currency: "JPY" }, { amount: "3", currency: "JPY" })).toEqual({
      amount: "6",
      currency: "JPY",
    });
  });
});
