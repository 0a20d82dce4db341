"use client";

import { Receipt } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LEDGER_CSV_HEADER, LEDGER_CSV_NUMERIC, ledgerCsvRows } from "@/lib/facility/present";
import { useFormat } from "@/lib/i18n/use-format";
import { CsvButton } from "./csv-download";
import type { BalancesView, LedgerKind, LedgerRowView } from "./types";

const KIND_VARIANT: Record<LedgerKind, NonNullable<BadgeProps["variant"]>> = {
  DISBURSEMENT: "teal",
  FEE: "warning",
  RECOUPMENT: "success",
  WRITE_OFF: "destructive",
};

/**
 * The advance's append-only ledger, oldest first, with each entry's effect on what is owed;
 * recoupments link to the receipt they were swept from when the viewer may open it; the
 * disbursement shows the bank's payment reference, value date and paying account. Exports to CSV.
 */
export function LedgerTable({ rows, receiptLinks, fileName }: { rows: LedgerRowView[]; receiptLinks: boolean; fileName: string }) {
  const t = useTranslations("facility.ledger");
  const f = useFormat();
  if (rows.length === 0) {
    return <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">{t("empty")}</p>;
  }
  return (
    <div className="grid min-w-0 gap-2">
      <div className="flex justify-end">
        <CsvButton fileName={fileName} header={[...LEDGER_CSV_HEADER]} rows={ledgerCsvRows(rows)} numericColumns={LEDGER_CSV_NUMERIC} />
      </div>
      <div className="min-w-0 overflow-x-auto rounded-lg border">
        <Table aria-label={t("title")} data-testid="ledger-table">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead scope="col">{t("columns.at")}</TableHead>
              <TableHead scope="col">{t("columns.kind")}</TableHead>
              <TableHead scope="col" className="text-right">
                {t("columns.amount")}
              </TableHead>
              <TableHead scope="col" className="text-right">
                {t("columns.feePart")}
              </TableHead>
              <TableHead scope="col" className="text-right">
                {t("columns.principalPart")}
              </TableHead>
              <TableHead scope="col">{t("columns.source")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => {
              const payment = r.kind === "RECOUPMENT" || r.kind === "WRITE_OFF";
              return (
                <TableRow key={r.id} data-kind={r.kind}>
                  <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">
                    <time dateTime={r.at}>{f.dateTime(r.at)}</time>
                  </TableCell>
                  <TableCell>
                    <Badge variant={KIND_VARIANT[r.kind]}>{t(`kinds.${r.kind}`)}</Badge>
                  </TableCell>
                  <TableCell className="text-right whitespace-nowrap tabular-nums font-medium">
                    {payment ? "−" : "+"}
                    {f.money(r.amount)}
                  </TableCell>
                  <TableCell className="text-right whitespace-nowrap tabular-nums text-muted-foreground">
                    {r.feePart && payment ? f.money(r.feePart) : "—"}
                  </TableCell>
                  <TableCell className="text-right whitespace-nowrap tabular-nums text-muted-foreground">
                    {r.principalPart && payment ? f.money(r.principalPart) : "—"}
                  </TableCell>
                  <TableCell className="text-xs">
                    {r.receiptId ? (
                      <span className="grid gap-0.5">
                        {receiptLinks ? (
                          <Link
                            href={`/deals/${r.dealId}/receipts#receipt-${r.receiptId}`}
                            className="inline-flex items-center gap-1 font-medium text-primary hover:underline"
                          >
                            <Receipt className="size-3.5" aria-hidden />
                            {t("receipt")}
                          </Link>
                        ) : (
                          <span className="inline-flex items-center gap-1 font-medium">
                            <Receipt className="size-3.5" aria-hidden />
                            {t("receipt")} <code className="font-mono text-[11px] text-muted-foreground">{r.receiptId.slice(0, 8)}</code>
                          </span>
                        )}
                        {r.source && r.fxRate && r.source.currency !== r.amount.currency ? (
                          <span className="text-muted-foreground">
                            {t("fromSource", { amount: f.money(r.source), rate: f.rate(r.fxRate) })}
                          </span>
                        ) : null}
                      </span>
                    ) : r.kind === "DISBURSEMENT" && r.paymentReference ? (
                      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5" data-testid="ledger-payment">
                        <dt className="text-muted-foreground">{t("paymentReference")}</dt>
                        <dd className="font-mono break-all">{r.paymentReference}</dd>
                        {r.valueDate ? (
                          <>
                            <dt className="text-muted-foreground">{t("valueDate")}</dt>
                            <dd className="tabular-nums">{f.date(r.valueDate)}</dd>
                          </>
                        ) : null}
                        {r.payingAccount ? (
                          <>
                            <dt className="text-muted-foreground">{t("payingAccount")}</dt>
                            <dd className="break-all">{r.payingAccount}</dd>
                          </>
                        ) : null}
                        {r.note ? <dd className="col-span-2 text-muted-foreground">{r.note}</dd> : null}
                      </dl>
                    ) : r.note ? (
                      <span className="text-muted-foreground">{r.note}</span>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

/** Principal, fee and owed, each a sum of the ledger. */
export function BalancesStrip({ balances }: { balances: BalancesView }) {
  const t = useTranslations("facility.ledger");
  const f = useFormat();
  const items = [
    { key: "principal" as const, value: balances.principal },
    { key: "fee" as const, value: balances.fee },
    { key: "owed" as const, value: balances.owed },
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-3" data-testid="advance-balances">
      {items.map((i) => (
        <div key={i.key} className={i.key === "owed" ? "rounded-lg border bg-accent/50 p-3" : "rounded-lg border p-3"}>
          <dt className="text-xs text-muted-foreground">{t(`balances.${i.key}`)}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={`balance-${i.key}`}>
            {f.money(i.value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
