import { toCsv } from "@/lib/files/csv";
import type { OutcomesView, PlatformOutcomesView } from "./present";
import type { Breakdown } from "./rules";

/** CSV of each outcomes table (lib/files/csv.ts), amounts as the exact decimal strings of the API. */

export function breakdownCsv(view: OutcomesView, breakdown: Breakdown | "series"): string {
  if (breakdown === "series") {
    return toCsv(
      ["period", "start", "end", "currency", "receipts", "payments", "ratio"],
      view.series.map((p) => [p.period, p.start, p.end, view.currency, p.receipts.amount, p.payments.amount, p.ratio]),
      [4, 5, 6],
    );
  }
  return toCsv(
    ["key", "label", "currency", "receipts", "payments", "ratio"],
    view[breakdown].map((r) => [r.key, r.label, view.currency, r.receipts.amount, r.payments.amount, r.ratio]),
    [3, 4, 5],
  );
}

export function platformCsv(view: PlatformOutcomesView, table: "byHomeCountry" | "studios"): string {
  if (table === "byHomeCountry") {
    return toCsv(
      ["country", "label", "studios", "currency", "receipts", "payments", "ratio", "allReceipts", "exportSharePct"],
      view.byHomeCountry.map((r) => [
        r.country,
        r.label,
        r.studios,
        view.currency,
        r.receipts.amount,
        r.payments.amount,
        r.ratio,
        r.allReceipts.amount,
        r.exportSharePct,
      ]),
      [2, 4, 5, 6, 7, 8],
    );
  }
  return toCsv(
    ["id", "name", "homeCountry", "currency", "receipts", "payments", "ratio", "allReceipts", "exportSharePct"],
    view.studios.map((r) => [
      r.id,
      r.name,
      r.homeCountry,
      view.currency,
      r.receipts.amount,
      r.payments.amount,
      r.ratio,
      r.allReceipts.amount,
      r.exportSharePct,
    ]),
    [4, 5, 6, 7, 8],
  );
}

export function csvFileName(what: string, view: { from: string; to: string; currency: string }): string {
  return `outcomes-${what}-${view.from}-${view.to}-${view.currency}.csv`;
}
