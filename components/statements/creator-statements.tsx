"use client";

import { Download, Users } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { EmptyState } from "@/components/common/empty-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toIntlLocale } from "@/lib/i18n/config";
import { useFormat } from "@/lib/i18n/use-format";
import type { MoneyView } from "@/lib/statements/explain";
import { cn } from "@/lib/utils";

export type CreatorRow = {
  participantId: string | null;
  name: string;
  role: string | null;
  period: string;
  periodStart: string;
  periodEnd: string;
  receipts: number;
  amount: MoneyView;
};

const add = (a: MoneyView | undefined, b: MoneyView): MoneyView => {
  if (!a) return b;
  const digits = b.amount.includes(".") ? b.amount.length - b.amount.indexOf(".") - 1 : 0;
  const sum = (BigInt(a.amount.replace(".", "")) + BigInt(b.amount.replace(".", ""))).toString().padStart(digits + 1, "0");
  return { amount: digits === 0 ? sum : `${sum.slice(0, -digits)}.${sum.slice(-digits)}`, currency: b.currency };
};

/**
 * What each participant of the creators' pool earned on the deal, per month or quarter (sums of
 * their parts of every receipt, exact), with totals per participant and per period.
 */
export function CreatorStatements({
  rows,
  period,
  hrefFor,
  csvHref,
}: {
  rows: CreatorRow[];
  period: "month" | "quarter";
  hrefFor: Record<"month" | "quarter", string>;
  csvHref: string;
}) {
  const t = useTranslations("statements.creators");
  const f = useFormat();
  const locale = useLocale();
  const periods = [...new Map(rows.map((r) => [r.period, r])).values()].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  const people = [...new Map(rows.map((r) => [r.participantId ?? r.name, r])).values()];
  const cell = new Map(rows.map((r) => [`${r.participantId ?? r.name}|${r.period}`, r]));
  const label = (p: CreatorRow) =>
    period === "quarter"
      ? t("quarter", { quarter: p.period.slice(-1), year: p.period.slice(0, 4) })
      : new Intl.DateTimeFormat(toIntlLocale(locale), { year: "numeric", month: "short", timeZone: "UTC" }).format(
          new Date(`${p.periodStart}T00:00:00Z`),
        );
  let grand: MoneyView | undefined;

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <nav className="inline-flex rounded-md border p-0.5" aria-label={t("periodLabel")}>
            {(["quarter", "month"] as const).map((p) => (
              <Button key={p} asChild size="sm" variant={p === period ? "secondary" : "ghost"} className="h-7">
                <Link href={hrefFor[p]} aria-current={p === period ? "true" : undefined}>
                  {t(`by.${p}`)}
                </Link>
              </Button>
            ))}
          </nav>
          <Button asChild variant="outline" size="sm">
            <a href={csvHref} download>
              <Download aria-hidden />
              {t("exportCsv")}
            </a>
          </Button>
        </div>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <EmptyState icon={Users} title={t("empty.title")} description={t("empty.description")} />
        ) : (
          <div className="overflow-x-auto rounded-lg border">
            <Table aria-label={t("title")} data-testid="creator-statements">
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead scope="col">{t("participant")}</TableHead>
                  {periods.map((p) => (
                    <TableHead key={p.period} scope="col" className="text-right whitespace-nowrap">
                      {label(p)}
                    </TableHead>
                  ))}
                  <TableHead scope="col" className="text-right">
                    {t("total")}
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {people.map((person) => {
                  const key = person.participantId ?? person.name;
                  let total: MoneyView | undefined;
                  return (
                    <TableRow key={key}>
                      <TableCell>
                        <span className="flex flex-col">
                          <span className="font-medium">{person.name}</span>
                          {person.role ? <span className="text-xs text-muted-foreground">{person.role}</span> : null}
                        </span>
                      </TableCell>
                      {periods.map((p) => {
                        const r = cell.get(`${key}|${p.period}`);
                        if (r) total = add(total, r.amount);
                        return (
                          <TableCell
                            key={p.period}
                            className={cn("text-right whitespace-nowrap tabular-nums", !r && "text-muted-foreground")}
                          >
                            {r ? (
                              <span className="flex flex-col items-end">
                                <span>{f.money(r.amount)}</span>
                                <span className="text-xs text-muted-foreground">{t("receipts", { count: r.receipts })}</span>
                              </span>
                            ) : (
                              "—"
                            )}
                          </TableCell>
                        );
                      })}
                      <TableCell className="text-right font-semibold whitespace-nowrap tabular-nums">
                        {total ? f.money(total) : "—"}
                      </TableCell>
                    </TableRow>
                  );
                })}
                <TableRow className="hover:bg-transparent">
                  <TableCell className="font-semibold">{t("periodTotal")}</TableCell>
                  {periods.map((p) => {
                    let sum: MoneyView | undefined;
                    for (const r of rows) if (r.period === p.period) sum = add(sum, r.amount);
                    if (sum) grand = add(grand, sum);
                    return (
                      <TableCell key={p.period} className="text-right font-semibold whitespace-nowrap tabular-nums">
                        {sum ? f.money(sum) : "—"}
                      </TableCell>
                    );
                  })}
                  <TableCell className="text-right font-semibold whitespace-nowrap tabular-nums" data-testid="creators-grand-total">
                    {grand ? f.money(grand) : "—"}
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
