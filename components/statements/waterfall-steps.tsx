"use client";

import { useTranslations } from "next-intl";
import type * as React from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/use-format";
import type { ExplainedStepView, MoneyView } from "@/lib/statements/explain";
import { cn } from "@/lib/utils";

export type WaterfallTermsView = {
  distributionFeePct: string | null;
  expenseCap: MoneyView | null;
  minimumGuarantee: MoneyView | null;
};

type Figure = keyof ExplainedStepView["cumulative"];

function Letter({ children }: { children: React.ReactNode }) {
  return (
    <span
      className="inline-flex size-7 shrink-0 items-center justify-center rounded-md bg-accent font-mono text-sm font-semibold text-accent-foreground"
      aria-hidden
    >
      {children}
    </span>
  );
}

/**
 * The waterfall of PRODUCT.md §5 for one statement, one row per step (G, F, E, N, S, O) with the
 * rule, its inputs, and the figure for the period and to date. Every amount is the exact figure
 * the server computed, formatted for the locale; nothing is recomputed here.
 */
export function WaterfallSteps({
  step,
  terms,
  hypothetical = false,
}: {
  step: ExplainedStepView;
  terms: WaterfallTermsView;
  /** The statement does not count: figures as if it did, after the counting statements before it. */
  hypothetical?: boolean;
}) {
  const t = useTranslations("statements.waterfall");
  const f = useFormat();
  const m = (money: MoneyView) => f.money(money);
  const c = step.cumulative;
  const zero = { amount: "0", currency: c.gross.currency };
  const mg = terms.minimumGuarantee ?? zero;

  const rows: { key: Figure; letter: string; label: string; rule: React.ReactNode; inputs: React.ReactNode; strong?: boolean }[] = [
    {
      key: "gross",
      letter: "G",
      label: t("gross.label"),
      rule: t("gross.rule"),
      inputs: t("gross.inputs", { period: m(step.period.gross), previous: m(subtract(c.gross, step.period.gross)) }),
    },
    {
      key: "fee",
      letter: "F",
      label: t("fee.label"),
      rule: terms.distributionFeePct
        ? t("fee.rule", { pct: f.percent(terms.distributionFeePct, { maximumFractionDigits: 4 }) })
        : t("fee.none"),
      inputs: terms.distributionFeePct
        ? t("fee.inputs", { gross: m(c.gross), pct: f.percent(terms.distributionFeePct, { maximumFractionDigits: 4 }) })
        : "—",
    },
    {
      key: "expenses",
      letter: "E",
      label: t("expenses.label"),
      rule: terms.expenseCap ? t("expenses.rule") : t("expenses.none"),
      inputs: terms.expenseCap
        ? t("expenses.inputs", {
            reported: m(step.reportedExpenses.cumulative),
            period: m(step.reportedExpenses.period),
            cap: m(terms.expenseCap),
          })
        : t("expenses.reportedOnly", { reported: m(step.reportedExpenses.cumulative) }),
    },
    {
      key: "net",
      letter: "N",
      label: t("net.label"),
      rule: t("net.rule"),
      inputs: t("net.inputs", { gross: m(c.gross), fee: m(c.fee), expenses: m(c.expenses) }),
      strong: true,
    },
    {
      key: "licensorShare",
      letter: "S",
      label: t("share.label"),
      rule: step.tiers.length > 0 ? t("share.rule") : t("share.none"),
      inputs:
        step.tiers.length > 0 ? (
          <ol className="grid gap-0.5" data-testid="waterfall-tiers">
            {step.tiers.map((tier) => (
              <li key={`${tier.from.amount}-${tier.pct}`} className="tabular-nums">
                {tier.upTo ? t("share.tierBounded", { from: m(tier.from), to: m(tier.upTo) }) : t("share.tierOpen", { from: m(tier.from) })}
                {": "}
                {t("share.tierPart", {
                  part: m(tier.inTier),
                  pct: f.percent(tier.pct, { maximumFractionDigits: 4 }),
                  earned: f.number(tier.earned, { minimumFractionDigits: fractionDigits(tier.inTier.amount) }),
                })}
              </li>
            ))}
          </ol>
        ) : (
          t("share.inputsNone", { net: m(c.net) })
        ),
      strong: true,
    },
    {
      key: "overage",
      letter: "O",
      label: t("overage.label"),
      rule: t("overage.rule"),
      inputs: t("overage.inputs", { share: m(c.licensorShare), mg: m(mg) }),
      strong: true,
    },
  ];

  return (
    <Card data-testid="waterfall">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{hypothetical ? t("hypothetical") : t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="px-0 pb-0">
        <Table aria-label={t("title")}>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead scope="col" className="pl-6">
                {t("columns.step")}
              </TableHead>
              <TableHead scope="col">{t("columns.inputs")}</TableHead>
              <TableHead scope="col" className="text-right">
                {t("columns.period")}
              </TableHead>
              <TableHead scope="col" className="pr-6 text-right">
                {t("columns.cumulative")}
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key} data-step={row.key}>
                <TableCell className="pl-6 align-top">
                  <span className="flex items-start gap-3">
                    <Letter>{row.letter}</Letter>
                    <span className="grid gap-0.5">
                      <span className="font-medium">{row.label}</span>
                      <span className="text-xs text-muted-foreground">{row.rule}</span>
                    </span>
                  </span>
                </TableCell>
                <TableCell className="max-w-md align-top text-xs text-muted-foreground">{row.inputs}</TableCell>
                <TableCell
                  className={cn("align-top text-right whitespace-nowrap tabular-nums", row.strong && "font-medium")}
                  data-testid={`period-${row.key}`}
                >
                  {row.key === "overage" ? f.money(step.period[row.key], { signDisplay: "exceptZero" }) : m(step.period[row.key])}
                </TableCell>
                <TableCell
                  className={cn("pr-6 align-top text-right whitespace-nowrap tabular-nums", row.strong && "font-semibold")}
                  data-testid={`cumulative-${row.key}`}
                >
                  {m(c[row.key])}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <p className="border-t px-6 py-3 text-xs text-muted-foreground">{t("rounding")}</p>
      </CardContent>
    </Card>
  );
}

/** `a − b` on Money strings with the same digits, by integer arithmetic (no floats). */
function subtract(a: MoneyView, b: MoneyView): MoneyView {
  const digits = fractionDigits(a.amount);
  const minor = (s: string) => BigInt(s.replace(".", ""));
  const diff = minor(a.amount) - minor(b.amount);
  const negative = diff < 0n;
  const text = (negative ? -diff : diff).toString().padStart(digits + 1, "0");
  const amount = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return { amount: `${negative ? "-" : ""}${amount}`, currency: a.currency };
}

function fractionDigits(amount: string): number {
  const dot = amount.indexOf(".");
  return dot === -1 ? 0 : amount.length - dot - 1;
}
