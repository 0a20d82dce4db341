import { AlertTriangle } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { ApplicationActions } from "@/components/programmes/application-actions";
import { EligibilityCard } from "@/components/programmes/eligibility-card";
import { ApplicationStatusBadge } from "@/components/programmes/status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { formatDate, formatDateTime, formatMoney } from "@/lib/i18n/format";
import { clawbackAction, decideAction, payoutAction, reviewAction } from "@/lib/programmes/actions";
import { getApplication, getProgramme } from "@/lib/programmes/queries";

type Params = Promise<{ id: string; applicationId: string }>;
const UUID = /^[0-9a-f-]{36}$/i;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("programmes.application");
  return { title: t("title") };
}

/** One application: its frozen snapshot, what no longer matches the records, the decision and the payout ledger. */
export default async function ApplicationPage({ params }: { params: Params }) {
  const { id, applicationId } = await params;
  if (!UUID.test(id) || !UUID.test(applicationId)) notFound();
  const { actor } = await requireSession();
  const [p, a] = await Promise.all([getProgramme(actor, id), getApplication(actor, id, applicationId)]);
  if (!p || !a) notFound();
  const [t, locale] = await Promise.all([getTranslations("programmes"), getLocale()]);
  const staff = actor.org.kind === "PROGRAMME";
  const mayAct = staff && can({ role: actor.role, orgKind: actor.org.kind }, "programmes.review");
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/programmes/${p.id}`}>{locale === "zh" ? p.name.zh : p.name.en}</Link>}
        title={
          <span className="flex items-center gap-3">
            {t("application.heading", { studio: a.studio.name })} <ApplicationStatusBadge status={a.status} />
          </span>
        }
        description={t("application.submitted", { date: formatDateTime(a.submittedAt, locale), asOf: formatDate(a.asOf, locale) })}
      />
      <div className="grid gap-6">
        {a.evidenceChanged ? (
          <Alert variant="warning" data-testid="evidence-changed-alert">
            <AlertTriangle aria-hidden />
            <AlertTitle>{t("application.changedTitle")}</AlertTitle>
            <AlertDescription>
              <p>{t("application.changedDescription")}</p>
              {a.changes && a.changes.length > 0 ? (
                <ul className="mt-2 list-disc pl-5" data-testid="evidence-changes">
                  {a.changes.map((c) => (
                    <li key={`${c.kind}-${c.id}-${c.change}`}>
                      {t(`application.change.${c.change}`, { kind: t(`application.kind.${c.kind}`), id: c.id })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </AlertDescription>
          </Alert>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>{t("application.money")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-xs text-muted-foreground">{t("applications.requested")}</dt>
                <dd className="font-medium tabular-nums">{formatMoney(a.requested, locale)}</dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">{t("applications.awarded")}</dt>
                <dd className="font-medium tabular-nums" data-testid="awarded">
                  {a.awarded ? formatMoney(a.awarded, locale) : "—"}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">{t("applications.paid")}</dt>
                <dd className="font-medium tabular-nums" data-testid="paid">
                  {formatMoney(a.paid, locale)}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">{t("application.payable")}</dt>
                <dd className="font-medium tabular-nums">{formatMoney(a.payable, locale)}</dd>
              </div>
            </dl>
            {a.decisionNote ? (
              <p className="text-sm" data-testid="decision-note">
                {t("application.note", { note: a.decisionNote })}
              </p>
            ) : null}
            <ApplicationActions
              programmeId={p.id}
              applicationId={a.id}
              status={a.status}
              requested={a.requested}
              payable={a.payable}
              paid={a.paid}
              mayAct={mayAct}
              reviewedByMe={a.reviewedBy !== null && a.reviewedBy === actor.userId}
              reviewAction={reviewAction}
              decideAction={decideAction}
              payoutAction={payoutAction}
              clawbackAction={clawbackAction}
            />
            <table className="w-full text-sm" aria-label={t("application.ledger")} data-testid="ledger-table">
              <thead className="text-left text-muted-foreground">
                <tr>
                  <th className="py-1 font-medium">{t("application.ledgerKind")}</th>
                  <th className="py-1 font-medium">{t("application.ledgerAt")}</th>
                  <th className="py-1 text-right font-medium">{t("application.ledgerAmount")}</th>
                  <th className="py-1 font-medium">{t("application.ledgerReason")}</th>
                </tr>
              </thead>
              <tbody>
                {a.ledger.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="py-2 text-muted-foreground">
                      {t("application.noLedger")}
                    </td>
                  </tr>
                ) : (
                  a.ledger.map((e) => (
                    <tr key={e.id} className="border-t" data-kind={e.kind}>
                      <td className="py-1.5">{t(`application.ledgerKinds.${e.kind}`)}</td>
                      <td className="py-1.5">{formatDateTime(e.at, locale)}</td>
                      <td className="py-1.5 text-right tabular-nums">{formatMoney(e.amount, locale)}</td>
                      <td className="py-1.5">{e.reason ?? ""}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </CardContent>
        </Card>
        <EligibilityCard
          view={a.snapshot}
          title={t("application.snapshot")}
          description={t("application.snapshotHash", { hash: a.snapshotHash.slice(0, 16) })}
        />
      </div>
    </>
  );
}
