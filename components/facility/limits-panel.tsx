"use client";

import { CircleAlert, CircleCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/use-format";
import { cn } from "@/lib/utils";
import { add, subtract, toMinor } from "./money";
import type { EligibilityView, LimitView } from "./types";

/** One sentence per rule that names its inputs, so a refusal explains itself. */
function useExplain(eligibility: Pick<EligibilityView, "advanceRatePct" | "maxPerLicenseePct" | "mgContracted" | "mgReceived">) {
  const t = useTranslations("facility.limits");
  const f = useFormat();
  return (limit: LimitView) => {
    switch (limit.rule) {
      case "ELIGIBLE_BASE":
        return t("explain.ELIGIBLE_BASE", {
          rate: f.percent(eligibility.advanceRatePct),
          base: f.money(limit.limit),
          used: f.money(limit.used),
        });
      case "MAX_PER_DEAL":
        return t("explain.MAX_PER_DEAL", { limit: f.money(limit.limit) });
      case "CAPACITY":
        return t("explain.CAPACITY", { limit: f.money(limit.limit), used: f.money(limit.used) });
      case "LICENSEE_CONCENTRATION":
        return t("explain.LICENSEE_CONCENTRATION", {
          pct: f.percent(eligibility.maxPerLicenseePct),
          limit: f.money(limit.limit),
          used: f.money(limit.used),
        });
    }
  };
}

/**
 * Every limit an advance must respect, with its numbers: the limit, what is already used, what is
 * left, the amount asked for, and whether it fits. Used before submitting (live), on the advance
 * page, and for the 422 breaches of a refused approval.
 */
export function LimitsTable({
  eligibility,
  limits = eligibility.limits,
  showRequested = true,
  label,
}: {
  eligibility: Pick<EligibilityView, "advanceRatePct" | "maxPerLicenseePct" | "mgContracted" | "mgReceived" | "limits">;
  limits?: LimitView[];
  showRequested?: boolean;
  label?: string;
}) {
  const t = useTranslations("facility.limits");
  const f = useFormat();
  const explain = useExplain(eligibility);
  return (
    <div className="min-w-0 overflow-x-auto rounded-lg border">
      <Table aria-label={label ?? t("title")} data-testid="limits-table">
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead scope="col">{t("columns.rule")}</TableHead>
            <TableHead scope="col" className="text-right">
              {t("columns.limit")}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {t("columns.used")}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {t("columns.available")}
            </TableHead>
            {showRequested ? (
              <TableHead scope="col" className="text-right">
                {t("columns.requested")}
              </TableHead>
            ) : null}
            {showRequested ? <TableHead scope="col">{t("columns.result")}</TableHead> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {limits.map((l) => (
            <TableRow key={l.rule} data-rule={l.rule} data-ok={l.ok ? "true" : "false"}>
              <TableCell className="min-w-64 align-top">
                <span className="grid gap-0.5">
                  <span className="font-medium">{t(`rules.${l.rule}`)}</span>
                  <span className="text-xs text-muted-foreground">{explain(l)}</span>
                </span>
              </TableCell>
              <TableCell className="text-right align-top tabular-nums whitespace-nowrap">{f.money(l.limit)}</TableCell>
              <TableCell className="text-right align-top tabular-nums whitespace-nowrap">{f.money(l.used)}</TableCell>
              <TableCell className="text-right align-top tabular-nums whitespace-nowrap font-medium">{f.money(l.available)}</TableCell>
              {showRequested ? (
                <TableCell className="text-right align-top tabular-nums whitespace-nowrap">{f.money(l.requested)}</TableCell>
              ) : null}
              {showRequested ? (
                <TableCell className="align-top whitespace-nowrap">
                  <span className={cn("inline-flex items-center gap-1 text-xs font-medium", l.ok ? "text-success" : "text-destructive")}>
                    {l.ok ? <CircleCheck className="size-3.5" aria-hidden /> : <CircleAlert className="size-3.5" aria-hidden />}
                    {l.ok ? t("within") : t("breached", { over: f.money(subtract(add(l.used, l.requested), l.limit)) })}
                  </span>
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The eligible base worked out step by step, with the FX conversions it used. */
export function EligibleBaseBreakdown({ eligibility }: { eligibility: EligibilityView }) {
  const t = useTranslations("facility.limits");
  const f = useFormat();
  const conversions = [
    { key: "mgContracted" as const, money: eligibility.mgContracted, converted: eligibility.mgContractedConverted },
    { key: "mgReceived" as const, money: eligibility.mgReceived, converted: eligibility.mgReceivedConverted },
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="eligible-base">
      {conversions.map((c) => (
        <div key={c.key} className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">{t(c.key)}</dt>
          <dd className="tabular-nums">
            <span className="font-medium">{f.money(c.converted ? c.converted.to : c.money)}</span>
            {c.converted ? (
              <span className="block text-xs text-muted-foreground">
                {t("converted", {
                  from: f.money(c.converted.from),
                  rate: f.rate(c.converted.rate),
                  pair: `${c.converted.from.currency}/${c.converted.to.currency}`,
                  date: f.date(c.converted.rateDate),
                })}
              </span>
            ) : null}
          </dd>
        </div>
      ))}
      <div className="grid gap-0.5">
        <dt className="text-xs text-muted-foreground">{t("advanceRate")}</dt>
        <dd className="font-medium tabular-nums">{f.percent(eligibility.advanceRatePct)}</dd>
      </div>
      <div className="grid gap-0.5">
        <dt className="text-xs text-muted-foreground">{t("grossBase")}</dt>
        <dd className="font-medium tabular-nums">{f.money(eligibility.grossBase)}</dd>
      </div>
      <div className="grid gap-0.5">
        <dt className="text-xs text-muted-foreground">{t("outstandingOnDeal")}</dt>
        <dd className="font-medium tabular-nums">{f.money(eligibility.principalOutstandingOnDeal)}</dd>
      </div>
      {toMinor(eligibility.approvedUndisbursedOnDeal) > 0n ? (
        <div className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">{t("reservedOnDeal")}</dt>
          <dd className="font-medium tabular-nums">{f.money(eligibility.approvedUndisbursedOnDeal)}</dd>
        </div>
      ) : null}
      <div className="grid gap-0.5 rounded-lg bg-accent/60 p-2 -m-2">
        <dt className="text-xs text-muted-foreground">{t("eligibleBase")}</dt>
        <dd className="text-lg font-semibold tabular-nums" data-testid="eligible-base-amount">
          {f.money(eligibility.eligibleBase)}
        </dd>
      </div>
    </dl>
  );
}
