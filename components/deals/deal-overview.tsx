"use client";

import { ArrowRight, BellRing, CircleCheck, CircleDashed, Download, FileText, Globe2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { OrgKindBadge } from "@/components/common/org-kind-badge";
import { PageHeader } from "@/components/common/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import type { DealStatus } from "@/lib/deals/schema";
import { useFormat } from "@/lib/i18n/use-format";
import type { OrgKind } from "@/lib/orgs/schema";
import { DealRoleBadge, DealStatusBadge } from "./status-badge";

export function DealHeader({
  name,
  status,
  role,
  licensor,
  licensee,
  currency,
  version,
}: {
  name: string;
  status: DealStatus;
  role: "LICENSOR" | "LICENSEE";
  licensor: string;
  licensee: string;
  currency: string;
  version: number;
}) {
  const t = useTranslations("deals.detail");
  const tList = useTranslations("deals.list");
  return (
    <PageHeader
      eyebrow={
        <span className="flex flex-wrap items-center gap-2">
          <Link href="/deals" className="hover:text-foreground hover:underline">
            {tList("title")}
          </Link>
          <span aria-hidden>/</span>
          <DealStatusBadge status={status} />
          <DealRoleBadge role={role} />
        </span>
      }
      title={name}
      description={
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span>{licensor}</span>
          <ArrowRight className="size-3.5" aria-label={t("licensesTo")} />
          <span>{licensee}</span>
          <span aria-hidden>·</span>
          <span className="font-mono text-xs">{currency}</span>
          <span aria-hidden>·</span>
          <span data-testid="deal-version">{t("version", { version })}</span>
        </span>
      }
    />
  );
}

type Signature = { side: "licensor" | "licensee"; organization: string; at: string | null; by: string | null };

/** Where the deal stands, whose signature it waits for, and the buttons for the next step. */
export function DealStatusCard({
  status,
  awaiting,
  counterpartyName,
  signedAt,
  terminatedAt,
  terminationReason,
  signatures,
  children,
}: {
  status: DealStatus;
  /** "YOU" when this organisation's signature is awaited, else the other party's name, or null. */
  awaiting: "YOU" | string | null;
  counterpartyName: string;
  signedAt: string | null;
  terminatedAt: string | null;
  terminationReason: string | null;
  signatures: Signature[];
  children: React.ReactNode;
}) {
  const t = useTranslations("deals.detail");
  const f = useFormat();
  const summary =
    status === "DRAFT"
      ? t("summary.DRAFT", { counterparty: counterpartyName })
      : status === "PROPOSED"
        ? awaiting === "YOU"
          ? t("summary.awaitingYou")
          : t("summary.awaitingOther", { organization: awaiting ?? counterpartyName })
        : status === "SIGNED"
          ? t("summary.SIGNED", { date: signedAt ? f.dateTime(signedAt) : "—" })
          : status === "TERMINATED"
            ? t("summary.TERMINATED", { date: terminatedAt ? f.dateTime(terminatedAt) : "—" })
            : t("summary.EXPIRED");
  return (
    <Card data-testid="deal-status">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {status === "PROPOSED" && awaiting === "YOU" ? <BellRing className="size-4 text-warning-foreground" aria-hidden /> : null}
          {t("statusTitle")}
        </CardTitle>
        <CardDescription data-testid="deal-status-summary">{summary}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {status === "TERMINATED" && terminationReason ? (
          <Alert variant="destructive">
            <AlertDescription>{t("terminationReason", { reason: terminationReason })}</AlertDescription>
          </Alert>
        ) : null}
        {status !== "DRAFT" ? (
          <ul className="grid gap-2 sm:grid-cols-2" aria-label={t("signatures")}>
            {signatures.map((s) => (
              <li key={s.side} className="flex items-start gap-2 rounded-lg border p-3 text-sm" data-testid={`signature-${s.side}`}>
                {s.at ? (
                  <CircleCheck className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
                ) : (
                  <CircleDashed className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
                )}
                <span className="grid gap-0.5">
                  <span className="font-medium">
                    {t(s.side === "licensor" ? "licensor" : "licensee")} · {s.organization}
                  </span>
                  <span className="text-xs text-muted-foreground">
                    {s.at
                      ? s.by
                        ? t("signedBy", { name: s.by, date: f.dateTime(s.at) })
                        : t("signedOn", { date: f.dateTime(s.at) })
                      : t("notSigned")}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {children}
      </CardContent>
    </Card>
  );
}

type Party = { name: string; kind: OrgKind; countryName: string };

export function DealParties({
  licensor,
  licensee,
  crossBorder,
  createdAt,
  updatedAt,
}: {
  licensor: Party;
  licensee: Party;
  crossBorder: boolean;
  createdAt: string;
  updatedAt: string;
}) {
  const t = useTranslations("deals.detail");
  const f = useFormat();
  const row = (label: string, p: Party) => (
    <div className="grid gap-1">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{p.name}</span>
        <OrgKindBadge kind={p.kind} />
        <span className="text-muted-foreground">{p.countryName}</span>
      </dd>
    </div>
  );
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between gap-2">
        <CardTitle>{t("parties")}</CardTitle>
        {crossBorder ? (
          <Badge variant="brand">
            <Globe2 aria-hidden />
            {t("crossBorder")}
          </Badge>
        ) : null}
      </CardHeader>
      <CardContent>
        <dl className="grid gap-3">
          {row(t("licensor"), licensor)}
          {row(t("licensee"), licensee)}
          <div className="grid grid-cols-2 gap-3 border-t pt-3 text-xs text-muted-foreground">
            <div>
              <dt>{t("created")}</dt>
              <dd className="text-foreground">{f.dateTime(createdAt)}</dd>
            </div>
            <div>
              <dt>{t("updated")}</dt>
              <dd className="text-foreground">{f.dateTime(updatedAt)}</dd>
            </div>
          </div>
        </dl>
      </CardContent>
    </Card>
  );
}

/** Download buttons in the narrow side column wrap their words instead of running out of the card. */
const WRAPPING = "h-auto min-h-8 max-w-full whitespace-normal py-1.5 text-left";

/** The contract PDF (either language) and the grants as an EMA Avails sheet. */
export function DealDocuments({ dealId, hasGrants }: { dealId: string; hasGrants: boolean }) {
  const t = useTranslations("deals.documents");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-2">
          <p className="flex items-center gap-2 text-sm font-medium">
            <FileText className="size-4 text-muted-foreground" aria-hidden />
            {t("contract")}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="outline" size="sm" className={WRAPPING}>
              <a href={`/api/v1/deals/${dealId}/contract.pdf?lang=en`} download>
                <Download aria-hidden />
                {t("contractEn")}
              </a>
            </Button>
            <Button asChild variant="outline" size="sm" className={WRAPPING}>
              <a href={`/api/v1/deals/${dealId}/contract.pdf?lang=zh`} download>
                <Download aria-hidden />
                {t("contractZh")}
              </a>
            </Button>
          </div>
        </div>
        <div className="grid gap-2 border-t pt-4">
          <p className="text-sm font-medium">{t("grants")}</p>
          {hasGrants ? (
            <div className="flex flex-wrap gap-2">
              <Button asChild variant="outline" size="sm" className={WRAPPING}>
                <a href={`/api/v1/deals/${dealId}/grants/export?format=xlsx`} download>
                  <Download aria-hidden />
                  {t("exportXlsx")}
                </a>
              </Button>
              <Button asChild variant="outline" size="sm" className={WRAPPING}>
                <a href={`/api/v1/deals/${dealId}/grants/export?format=csv`} download>
                  <Download aria-hidden />
                  {t("exportCsv")}
                </a>
              </Button>
            </div>
          ) : (
            <p className="text-xs text-muted-foreground">{t("noGrants")}</p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
