"use client";

import { useTranslations } from "next-intl";
import type * as React from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormat } from "@/lib/i18n/use-format";
import type { PresentedTerms } from "./terms-form";

function Row({ label, children }: { label: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-1.5">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-right text-sm font-medium tabular-nums">{children}</dd>
    </div>
  );
}

/** The financial terms as agreed (or proposed): money formatted from the exact decimal strings. */
export function TermsPanel({ terms, currency, action }: { terms: PresentedTerms; currency: string; action?: React.ReactNode }) {
  const t = useTranslations("deals.termsPanel");
  const tTrigger = useTranslations("deals.trigger");
  const f = useFormat();
  const none = <span className="font-normal text-muted-foreground">{t("none")}</span>;
  const tiers = terms.shareTiers;
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between gap-2">
        <CardTitle>{t("title")}</CardTitle>
        {action}
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="divide-y">
          <Row label={t("mg")}>{terms.minimumGuarantee ? f.money(terms.minimumGuarantee) : none}</Row>
          <Row label={t("fee")}>{terms.distributionFeePct ? f.percent(terms.distributionFeePct) : none}</Row>
          <Row label={t("expenseCap")}>{terms.expenseCap ? f.money(terms.expenseCap) : none}</Row>
          <Row label={t("creatorPool")}>{terms.creatorParticipationPct ? f.percent(terms.creatorParticipationPct) : none}</Row>
          {terms.reportingFrequency ? (
            <Row label={t("reporting")}>
              {t("reportingText", {
                frequency: t(`frequencies.${terms.reportingFrequency as "QUARTERLY"}`),
                days: terms.reportingDueDays ?? 0,
                paymentDays: terms.paymentDueDays ?? 0,
              })}
            </Row>
          ) : null}
        </dl>

        {terms.instalments.length > 0 ? (
          <div className="grid gap-1.5">
            <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{t("instalments")}</h3>
            <ol className="grid gap-1 text-sm">
              {terms.instalments.map((i, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: instalments are an ordered, read-only list without ids.
                <li key={`${n}-${i.trigger}`} className="flex items-baseline justify-between gap-3">
                  <span className="text-muted-foreground">
                    {tTrigger(i.trigger as Parameters<typeof tTrigger>[0])}
                    {i.dueDate ? ` · ${f.date(i.dueDate)}` : ""}
                  </span>
                  <span className="font-medium tabular-nums">{i.amount ? f.money(i.amount) : "—"}</span>
                </li>
              ))}
            </ol>
          </div>
        ) : null}

        {tiers.length > 0 ? (
          <div className="grid gap-1.5">
            <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{t("tiers")}</h3>
            <ol className="grid gap-1 text-sm">
              {tiers.map((tier, n) => {
                const from = n === 0 ? null : tiers[n - 1]?.upTo;
                const m = (amount: string) => f.money({ amount, currency });
                const band =
                  tier.upTo === null
                    ? from
                      ? t("tierAbove", { from: m(from) })
                      : t("tierAll")
                    : from
                      ? t("tierBetween", { from: m(from), to: m(tier.upTo) })
                      : t("tierUpTo", { to: m(tier.upTo) });
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: tiers are an ordered, read-only list without ids.
                  <li key={`${n}-${tier.pct}`} className="flex items-baseline justify-between gap-3">
                    <span className="text-muted-foreground">{band}</span>
                    <span className="font-medium tabular-nums">{f.percent(tier.pct)}</span>
                  </li>
                );
              })}
            </ol>
          </div>
        ) : null}

        {terms.participants.length > 0 ? (
          <div className="grid gap-1.5">
            <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{t("participants")}</h3>
            <ul className="grid gap-1 text-sm">
              {terms.participants.map((p) => (
                <li key={`${p.name}-${p.role}`} className="flex items-baseline justify-between gap-3">
                  <span>
                    {p.name} <span className="text-muted-foreground">· {p.role}</span>
                  </span>
                  <span className="font-medium tabular-nums">{t("shareOf", { share: f.number(p.share) })}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
