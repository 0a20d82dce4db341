"use client";

import { ArrowRight, CircleAlert, FilePen, Info } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { useFormat } from "@/lib/i18n/use-format";
import type { MoneyView } from "@/lib/statements/explain";
import type { StatementStatus } from "./status-badge";

type Summary = {
  status: StatementStatus;
  counting: boolean;
  superseded: boolean;
  hypothetical: boolean;
  source: string;
  createdAt: string;
  decidedAt: string | null;
  disputeReason: string | null;
  gross: MoneyView;
  expenses: MoneyView;
  lineCount: number;
  licensor: string;
  licensee: string;
  role: "LICENSOR" | "LICENSEE";
};
type LinkTo = { href: string; label: string } | null;

function Row({ label, children, testId }: { label: React.ReactNode; children: React.ReactNode; testId?: string }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm font-medium tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** Where a statement stands: who sent it to whom, its status and what it corrects, and the licensor's buttons. */
export function StatementSummary({
  statement: s,
  supersedes,
  supersededBy,
  correctHref,
  actions,
}: {
  statement: Summary;
  supersedes: LinkTo;
  supersededBy: LinkTo;
  correctHref: string | null;
  actions: React.ReactNode;
}) {
  const t = useTranslations("statements.summary");
  const tSource = useTranslations("statements.source");
  const f = useFormat();
  const headline = s.superseded
    ? t("headline.superseded")
    : s.status === "SUBMITTED"
      ? s.role === "LICENSOR"
        ? t("headline.awaitingYou")
        : t("headline.awaitingLicensor", { licensor: s.licensor })
      : s.status === "ACCEPTED"
        ? t("headline.accepted", { date: s.decidedAt ? f.dateTime(s.decidedAt) : "—" })
        : t("headline.disputed", { date: s.decidedAt ? f.dateTime(s.decidedAt) : "—" });
  return (
    <Card data-testid="statement-summary">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription data-testid="statement-headline">{headline}</CardDescription>
        </div>
        <div className="flex flex-wrap gap-2">
          {actions}
          {correctHref ? (
            <Button asChild variant="outline">
              <Link href={correctHref}>
                <FilePen aria-hidden />
                {t("correct")}
              </Link>
            </Button>
          ) : null}
        </div>
      </CardHeader>
      <CardContent className="grid gap-4">
        {s.status === "DISPUTED" && s.disputeReason ? (
          <Alert variant="destructive" data-testid="dispute-reason">
            <CircleAlert aria-hidden />
            <AlertTitle>{t("disputeReason")}</AlertTitle>
            <AlertDescription className="whitespace-pre-wrap">{s.disputeReason}</AlertDescription>
          </Alert>
        ) : null}
        {!s.counting ? (
          <Alert>
            <Info aria-hidden />
            <AlertDescription>{s.hypothetical ? t("notCountingHypothetical") : t("notCounting")}</AlertDescription>
          </Alert>
        ) : null}
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Row label={t("licensee")}>{s.licensee}</Row>
          <Row label={t("licensor")}>{s.licensor}</Row>
          <Row label={t("gross")} testId="statement-gross">
            {f.money(s.gross)}
          </Row>
          <Row label={t("expenses")}>{f.money(s.expenses)}</Row>
          <Row label={t("lines")}>{f.number(s.lineCount)}</Row>
          <Row label={t("source")}>{tSource(s.source as "FORM" | "UPLOAD" | "API")}</Row>
          <Row label={t("submitted")}>{f.dateTime(s.createdAt)}</Row>
          <Row label={t("decided")}>{s.decidedAt ? f.dateTime(s.decidedAt) : "—"}</Row>
        </dl>
        {supersedes || supersededBy ? (
          <div className="flex flex-wrap gap-x-6 gap-y-2 border-t pt-4 text-sm">
            {supersedes ? (
              <span className="flex items-center gap-1.5" data-testid="supersedes">
                <span className="text-muted-foreground">{t("supersedes")}</span>
                <Link href={supersedes.href} className="font-medium text-primary hover:underline">
                  {supersedes.label}
                </Link>
              </span>
            ) : null}
            {supersededBy ? (
              <span className="flex items-center gap-1.5" data-testid="superseded-by">
                <span className="text-muted-foreground">{t("supersededBy")}</span>
                <Link href={supersededBy.href} className="inline-flex items-center gap-1 font-medium text-primary hover:underline">
                  {supersededBy.label}
                  <ArrowRight className="size-3.5" aria-hidden />
                </Link>
              </span>
            ) : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
