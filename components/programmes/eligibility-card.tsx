"use client";

import { CircleCheck, CircleX } from "lucide-react";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { useFormat } from "@/lib/i18n/use-format";
import type { EligibilityView } from "@/lib/programmes/schema";

/**
 * Each criterion with its value against the minimum, the evidence behind the metrics as links to
 * the records (deals for receipts, titles for versions and tests), and the award it would bring.
 * Used live on the studio's programme page and for the frozen snapshot on an application.
 */
export function EligibilityCard({ view, title, description }: { view: EligibilityView; title: string; description?: string }) {
  const t = useTranslations("programmes.eligibility");
  const tm = useTranslations("programmes.form.metrics");
  const f = useFormat();
  const show = (metric: string, value: string | null) =>
    value === null
      ? t("noPayments")
      : metric === "FOREIGN_RECEIPTS"
        ? f.money({ amount: value, currency: view.currency })
        : metric === "RECEIPTS_PAYMENTS_RATIO"
          ? `${value}×`
          : value;
  return (
    <Card data-testid="eligibility-card">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description ?? t("window", { from: f.date(view.window.from), to: f.date(view.window.to) })}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <p data-testid="eligibility-verdict" className={view.eligible ? "text-success font-medium" : "text-destructive font-medium"}>
          {view.eligible ? t("eligible") : t("notEligible")}
        </p>
        <table className="w-full text-sm" aria-label={t("criteria")}>
          <thead className="text-left text-muted-foreground">
            <tr>
              <th className="py-1 font-medium">{t("metric")}</th>
              <th className="py-1 text-right font-medium">{t("value")}</th>
              <th className="py-1 text-right font-medium">{t("min")}</th>
              <th className="py-1 text-right font-medium">{t("met")}</th>
            </tr>
          </thead>
          <tbody>
            {view.criteria.length === 0 ? (
              <tr>
                <td colSpan={4} className="py-2 text-muted-foreground">
                  {t("noCriteria")}
                </td>
              </tr>
            ) : (
              view.criteria.map((c) => (
                <tr key={c.metric} data-metric={c.metric} data-met={c.met} className="border-t">
                  <td className="py-1.5">{tm(c.metric)}</td>
                  <td className="py-1.5 text-right tabular-nums">{show(c.metric, c.value)}</td>
                  <td className="py-1.5 text-right tabular-nums">{show(c.metric, c.min)}</td>
                  <td className="py-1.5 text-right">
                    {c.met ? (
                      <CircleCheck className="ml-auto size-4 text-success" aria-label={t("yes")} />
                    ) : (
                      <CircleX className="ml-auto size-4 text-destructive" aria-label={t("no")} />
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5" data-testid="metrics">
          {(Object.keys(view.metrics) as (keyof EligibilityView["metrics"])[]).map((k) => (
            <div key={k} className="flex flex-col">
              <dt className="text-xs text-muted-foreground">{tm(k)}</dt>
              <dd className="tabular-nums font-medium" data-metric={k}>
                {show(k, view.metrics[k])}
              </dd>
            </div>
          ))}
        </dl>
        <div className="grid gap-1 rounded-lg bg-muted/50 p-3 text-sm" data-testid="award-preview">
          <p className="font-medium">{t("award", { amount: f.money(view.award.amount) })}</p>
          <p className="text-xs text-muted-foreground">
            {t("awardParts", {
              matched: f.money(view.award.matched),
              versions: f.money(view.award.versionBonus),
              tests: f.money(view.award.marketTestBonus),
            })}
            {view.award.capped ? ` ${t("capped", { total: f.money(view.award.total) })}` : ""}
          </p>
        </div>
        <details className="text-sm" data-testid="evidence">
          <summary className="cursor-pointer font-medium">{t("evidence")}</summary>
          <div className="mt-3 grid gap-4">
            <section>
              <h3 className="mb-1 text-xs font-medium text-muted-foreground">{t("receipts", { count: view.evidence.receipts.length })}</h3>
              <ul className="grid gap-0.5">
                {view.evidence.receipts.map((r) => (
                  <li key={r.receiptId}>
                    <Link className="hover:underline" href={`/deals/${r.dealId}/receipts`}>
                      {f.date(r.receivedOn)} · {f.money(r.amount)} → {f.money(r.converted)}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
            <section>
              <h3 className="mb-1 text-xs font-medium text-muted-foreground">{t("versions", { count: view.evidence.versions.length })}</h3>
              <ul className="grid gap-0.5">
                {view.evidence.versions.map((v) => (
                  <li key={v.versionId}>
                    <Link className="hover:underline" href={`/titles/${v.titleId}`}>
                      {v.territories.join(", ")}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
            <section>
              <h3 className="mb-1 text-xs font-medium text-muted-foreground">{t("tests", { count: view.evidence.marketTests.length })}</h3>
              <ul className="grid gap-0.5">
                {view.evidence.marketTests.map((m) => (
                  <li key={m.id}>
                    <Link className="hover:underline" href={`/titles/${m.titleId}`}>
                      {m.territory} · {f.date(m.testedOn)}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
            <section>
              <h3 className="mb-1 text-xs font-medium text-muted-foreground">
                {t("countries", { count: view.evidence.countries.length })}
              </h3>
              <p>{view.evidence.countries.join(", ") || "—"}</p>
            </section>
          </div>
        </details>
      </CardContent>
    </Card>
  );
}
