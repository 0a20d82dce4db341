import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/common/page-header";
import { FacilityAdvanceActions, StudioAdvanceActions } from "@/components/facility/advance-actions";
import { AdvanceAmounts, AdvanceTimeline, DecisionPanel, DocumentsPanel } from "@/components/facility/advance-panels";
import { BalancesStrip, LedgerTable } from "@/components/facility/ledger-table";
import { EligibleBaseBreakdown, LimitsTable } from "@/components/facility/limits-panel";
import { AdvanceStatusBadge } from "@/components/facility/status-badge";
import { AdvanceSteps } from "@/components/facility/status-steps";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import {
  decideAdvanceAction,
  defaultAdvanceAction,
  disburseAdvanceAction,
  startReviewAction,
  submitAdvanceAction,
  writeOffAdvanceAction,
} from "@/lib/facility/actions";
import { getAdvance, getFacilitySettings } from "@/lib/facility/queries";
import { countryName } from "@/lib/i18n/countries";
import { formatDate, formatDateTime, formatMoney } from "@/lib/i18n/format";

type Params = Promise<{ id: string }>;

async function load(id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  const session = await requireSession();
  const advance = await getAdvance(session.actor, id);
  if (!advance) notFound();
  return { ...session, advance };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const { advance } = await load(id);
  const t = await getTranslations("facility.detail");
  return { title: t("metaTitle", { deal: advance.deal.name }) };
}

export default async function AdvancePage({ params }: { params: Params }) {
  const { id } = await params;
  const { actor, advance: a } = await load(id);
  const locale = await getLocale();
  const [t, tList] = await Promise.all([getTranslations("facility.detail"), getTranslations("facility.list")]);
  const subject = { role: actor.role, orgKind: actor.org.kind };
  const isStudio = a.studio.id === actor.org.id;
  const isFacility = !isStudio;
  const settings = isFacility ? await getFacilitySettings(actor) : null;
  const feePct = settings?.feePct ?? "0";
  const summary =
    a.status === "DRAFT"
      ? t("summary.DRAFT")
      : a.status === "SUBMITTED"
        ? t(isStudio ? "summary.SUBMITTED_studio" : "summary.SUBMITTED_facility")
        : a.status === "UNDER_REVIEW"
          ? t("summary.UNDER_REVIEW")
          : a.status === "APPROVED"
            ? t("summary.APPROVED", { amount: formatMoney(a.approvedAmount ?? a.amount, locale) })
            : a.status === "DECLINED"
              ? t("summary.DECLINED")
              : a.status === "DISBURSED"
                ? t("summary.DISBURSED", { owed: formatMoney(a.balance.owed, locale) })
                : a.status === "REPAID"
                  ? t("summary.REPAID", { date: a.repaidAt ? formatDateTime(a.repaidAt, locale) : "—" })
                  : a.status === "DEFAULTED"
                    ? t("summary.DEFAULTED", { owed: formatMoney(a.balance.owed, locale) })
                    : t("summary.WRITTEN_OFF");

  return (
    <>
      <PageHeader
        eyebrow={
          <span className="flex flex-wrap items-center gap-2">
            <Link href="/advances" className="hover:text-foreground hover:underline">
              {tList(isStudio ? "title" : "queueTitle")}
            </Link>
            <span aria-hidden>/</span>
            <AdvanceStatusBadge status={a.status} />
          </span>
        }
        title={t("title", { amount: formatMoney(a.amount, locale) })}
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            {isStudio ? (
              <Link href={`/deals/${a.deal.id}`} className="hover:text-foreground hover:underline">
                {a.deal.name}
              </Link>
            ) : (
              <span>{a.deal.name}</span>
            )}
            <span aria-hidden>·</span>
            <span>{t("parties", { studio: a.studio.name, facility: a.facility.name })}</span>
            <span aria-hidden>·</span>
            <span>{t("licensee", { name: a.deal.licensee.name, country: countryName(a.deal.licensee.homeCountry, locale) })}</span>
          </span>
        }
      />

      <div className="grid gap-6">
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <div className="flex min-w-0 flex-col gap-6">
            <Card data-testid="advance-status">
              <CardHeader>
                <CardTitle>{t("statusTitle")}</CardTitle>
                <CardDescription data-testid="advance-status-summary">{summary}</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-5">
                <AdvanceSteps
                  status={a.status}
                  formatAt={(iso) => formatDate(iso, locale, { style: "short" })}
                  dates={{
                    DRAFT: a.createdAt,
                    SUBMITTED: a.submittedAt,
                    UNDER_REVIEW: a.reviewStartedAt,
                    APPROVED: a.status === "DECLINED" ? null : a.decidedAt,
                    DECLINED: a.status === "DECLINED" ? a.decidedAt : null,
                    DISBURSED: a.disbursedAt,
                    REPAID: a.repaidAt,
                    DEFAULTED: a.defaultedAt,
                    WRITTEN_OFF: a.writtenOffAt,
                  }}
                />
                {isStudio ? (
                  <StudioAdvanceActions
                    advanceId={a.id}
                    status={a.status}
                    mayApply={a.viewer.canSubmit}
                    submitAction={submitAdvanceAction}
                  />
                ) : (
                  <FacilityAdvanceActions
                    advanceId={a.id}
                    status={a.status}
                    requested={a.amount}
                    approved={a.approvedAmount}
                    feePct={feePct}
                    owed={a.balance.owed}
                    eligibility={a.eligibility}
                    mayUnderwrite={can(subject, "facility.underwrite")}
                    mayDisburse={can(subject, "facility.disburse")}
                    approvedByMe={a.viewer.fourEyesBlocked}
                    approverName={a.decision?.by?.name ?? null}
                    reviewAction={startReviewAction}
                    decideAction={decideAdvanceAction}
                    disburseAction={disburseAdvanceAction}
                    defaultAction={defaultAdvanceAction}
                    writeOffAction={writeOffAdvanceAction}
                  />
                )}
              </CardContent>
            </Card>
            <DecisionPanel
              status={a.status}
              decision={a.decision}
              approved={a.approvedAmount}
              conditions={a.conditions}
              declineReason={a.declineReason}
              defaultReason={a.defaultReason}
              defaultedAt={a.defaultedAt}
            />
          </div>
          <AdvanceAmounts requested={a.amount} approved={a.approvedAmount} disbursement={a.disbursement} purpose={a.purpose} />
        </div>

        <Card data-testid="advance-ledger">
          <CardHeader>
            <CardTitle>{t("ledgerTitle")}</CardTitle>
            <CardDescription>{t("ledgerDescription")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <BalancesStrip balances={a.balance} />
            <LedgerTable
              rows={a.ledger}
              receiptLinks={isStudio}
              fileName={`advance-ledger-${a.id.slice(0, 8)}-${a.ledger.at(-1)?.at.slice(0, 10) ?? ""}.csv`}
            />
          </CardContent>
        </Card>

        <Card data-testid="advance-eligibility">
          <CardHeader>
            <CardTitle>{t("eligibilityTitle")}</CardTitle>
            <CardDescription>
              {a.decision && a.status !== "DECLINED"
                ? t("eligibilityAtDecision", { date: a.eligibility?.date ? formatDate(a.eligibility.date, locale) : "—" })
                : t("eligibilityNow")}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5">
            {a.eligibility ? (
              <>
                <EligibleBaseBreakdown eligibility={a.eligibility} />
                <LimitsTable eligibility={a.eligibility} label={t("eligibilityTitle")} />
              </>
            ) : (
              <Alert variant="warning">
                <AlertDescription>{a.eligibilityError ?? t("eligibilityUnavailable")}</AlertDescription>
              </Alert>
            )}
          </CardContent>
        </Card>

        <div className="grid items-start gap-6 lg:grid-cols-2">
          <DocumentsPanel advanceId={a.id} documents={a.documents} canUpload={a.viewer.canUpload} />
          <AdvanceTimeline
            entries={a.timeline}
            auditHref={can(subject, "org.audit.read") ? `/settings/audit-log?entityType=Advance` : null}
          />
        </div>
      </div>
    </>
  );
}
