"use client";

import { Download, FileText, FileUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { AuditAction } from "@/components/audit/audit-parts";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AdvanceStatus } from "@/lib/facility/rules";
import { useFormat } from "@/lib/i18n/use-format";
import { DOCUMENT_LIMITS, documentProblem, uploadDocument } from "./documents";
import type { DocumentView, Money, TimelineEntryView } from "./types";

type Person = { id: string; name: string; email: string } | null;

/** Amount applied for, approved, disbursed, and the fee; the balances live with the ledger. */
export function AdvanceAmounts({
  requested,
  approved,
  disbursement,
  purpose,
}: {
  requested: Money;
  approved: Money | null;
  disbursement: { principal: Money; fee: Money; at: string; by: Person } | null;
  purpose: string;
}) {
  const t = useTranslations("facility.detail");
  const f = useFormat();
  const row = (label: string, value: string, testId?: string) => (
    <div className="flex items-baseline justify-between gap-3">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="font-medium tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("amountsTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid gap-2">
          {row(t("requested"), f.money(requested), "amount-requested")}
          {row(t("approvedAmount"), approved ? f.money(approved) : "—", "amount-approved")}
          {disbursement ? row(t("disbursedPrincipal"), f.money(disbursement.principal), "amount-disbursed") : null}
          {disbursement ? row(t("fee"), f.money(disbursement.fee)) : null}
        </dl>
        {disbursement ? (
          <p className="text-xs text-muted-foreground">
            {disbursement.by
              ? t("disbursedBy", { name: disbursement.by.name, date: f.dateTime(disbursement.at) })
              : t("disbursedOn", { date: f.dateTime(disbursement.at) })}
          </p>
        ) : null}
        <div className="grid gap-1 border-t pt-3">
          <p className="text-xs text-muted-foreground">{t("purpose")}</p>
          <p className="whitespace-pre-line text-sm">{purpose}</p>
        </div>
      </CardContent>
    </Card>
  );
}

/** Who decided, when, for how much, on which conditions — or why not; and a default's reason. */
export function DecisionPanel({
  status,
  decision,
  approved,
  conditions,
  declineReason,
  defaultReason,
  defaultedAt,
}: {
  status: AdvanceStatus;
  decision: { decision: string; at: string; by: Person } | null;
  approved: Money | null;
  conditions: string | null;
  declineReason: string | null;
  defaultReason: string | null;
  defaultedAt: string | null;
}) {
  const t = useTranslations("facility.detail");
  const f = useFormat();
  if (!decision && !defaultReason) return null;
  return (
    <Card data-testid="decision-panel">
      <CardHeader>
        <CardTitle>{t("decisionTitle")}</CardTitle>
        {decision ? (
          <CardDescription>
            {decision.by
              ? t(decision.decision === "DECLINED" ? "declinedBy" : "approvedBy", { name: decision.by.name, date: f.dateTime(decision.at) })
              : t(decision.decision === "DECLINED" ? "declinedOn" : "approvedOn", { date: f.dateTime(decision.at) })}
          </CardDescription>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        {decision && decision.decision !== "DECLINED" ? (
          <dl className="grid gap-2">
            <div className="flex items-baseline justify-between gap-3">
              <dt className="text-muted-foreground">{t("approvedAmount")}</dt>
              <dd className="font-medium tabular-nums">{approved ? f.money(approved) : "—"}</dd>
            </div>
            <div className="grid gap-1">
              <dt className="text-muted-foreground">{t("conditions")}</dt>
              <dd className="whitespace-pre-line">{conditions || t("noConditions")}</dd>
            </div>
          </dl>
        ) : null}
        {status === "DECLINED" && declineReason ? (
          <Alert variant="destructive">
            <AlertTitle>{t("declineReason")}</AlertTitle>
            <AlertDescription className="whitespace-pre-line">{declineReason}</AlertDescription>
          </Alert>
        ) : null}
        {defaultReason ? (
          <Alert variant="destructive">
            <AlertTitle>{defaultedAt ? t("defaultedOn", { date: f.dateTime(defaultedAt) }) : t("defaultReason")}</AlertTitle>
            <AlertDescription className="whitespace-pre-line">{defaultReason}</AlertDescription>
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** Supporting documents: download for both parties, upload for the studio while the application is open. */
export function DocumentsPanel({ advanceId, documents, canUpload }: { advanceId: string; documents: DocumentView[]; canUpload: boolean }) {
  const t = useTranslations("facility.apply.documents");
  const f = useFormat();
  const router = useRouter();
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function upload(list: FileList | null) {
    const files = Array.from(list ?? []);
    setBusy(true);
    try {
      for (const file of files) {
        const local = documentProblem(file);
        const problem = local ?? (await uploadDocument(advanceId, file));
        if (problem) {
          toast.error(problem === "generic" ? t("uploadFailed", { name: file.name }) : t(problem, { name: file.name }));
          continue;
        }
        toast.success(t("uploaded", { name: file.name }));
      }
      router.refresh();
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        {canUpload ? (
          <CardDescription>
            {t("description", { max: DOCUMENT_LIMITS.maxMb, count: DOCUMENT_LIMITS.maxFiles, types: DOCUMENT_LIMITS.label })}
          </CardDescription>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-3">
        {documents.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <ul className="grid gap-2" aria-label={t("title")} data-testid="advance-documents">
            {documents.map((d) => (
              <li key={d.id} className="flex items-center justify-between gap-3 rounded-lg border px-3 py-2 text-sm">
                <span className="flex min-w-0 items-center gap-2">
                  <FileText className="size-4 shrink-0 text-muted-foreground" aria-hidden />
                  <span className="min-w-0">
                    <span className="block truncate font-medium">{d.fileName}</span>
                    <span className="block text-xs text-muted-foreground tabular-nums">
                      {f.number(Math.max(1, Math.round(d.sizeBytes / 1024)))} KB · {f.dateTime(d.createdAt)}
                    </span>
                  </span>
                </span>
                <Button asChild variant="ghost" size="icon" aria-label={t("download", { name: d.fileName })}>
                  <a href={`/api/v1/advances/${advanceId}/documents/${d.id}`} download={d.fileName}>
                    <Download aria-hidden />
                  </a>
                </Button>
              </li>
            ))}
          </ul>
        )}
        {canUpload ? (
          <>
            {hydrated ? (
              <input
                ref={input}
                type="file"
                multiple
                accept={DOCUMENT_LIMITS.accept}
                className="sr-only"
                tabIndex={-1}
                aria-hidden
                data-testid="documents-input"
                onChange={(e) => void upload(e.target.files)}
              />
            ) : null}
            <div>
              <Button type="button" variant="outline" size="sm" loading={busy} disabled={!hydrated} onClick={() => input.current?.click()}>
                {busy ? null : <FileUp aria-hidden />}
                {t("add")}
              </Button>
            </div>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** The advance's audit trail, oldest first: every change of state with who and when. */
export function AdvanceTimeline({ entries, auditHref }: { entries: TimelineEntryView[]; auditHref: string | null }) {
  const t = useTranslations("facility.detail");
  const f = useFormat();
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between gap-2">
        <CardTitle>{t("timelineTitle")}</CardTitle>
        {auditHref ? (
          <Button asChild variant="link" size="sm" className="px-0">
            <a href={auditHref}>{t("auditLog")}</a>
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("timelineEmpty")}</p>
        ) : (
          <ol className="grid gap-3 border-l pl-4" data-testid="advance-timeline">
            {entries.map((e) => (
              <li key={e.id} className="relative grid gap-0.5 text-sm">
                <span className="absolute top-1.5 -left-[21px] size-2 rounded-full bg-primary/60" aria-hidden />
                <AuditAction action={e.action} showCode={false} />
                <span className="text-xs text-muted-foreground">
                  {e.actor ? `${e.actor.name} · ` : e.viaApiKey ? `${t("viaApiKey")} · ` : ""}
                  <time dateTime={e.at}>{f.dateTime(e.at)}</time>
                </span>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
