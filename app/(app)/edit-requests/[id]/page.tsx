import { ArrowRight, GitBranch, Handshake, MessageSquareWarning } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type * as React from "react";
import { cache } from "react";
import { z } from "zod";
import { PageHeader } from "@/components/common/page-header";
import { territoryLabel } from "@/components/deals/reference-options";
import { Attachments } from "@/components/edits/attachments";
import { Comments } from "@/components/edits/comments";
import { ItemsTable } from "@/components/edits/items-table";
import { policyElements, titleLabel } from "@/components/edits/present";
import { PartnerActions, RequestChangesDialog } from "@/components/edits/request-actions";
import { EditRequestStatusBadge } from "@/components/edits/status-badge";
import { Timeline } from "@/components/edits/timeline";
import type { RequestItemView, TimelineEntryView } from "@/components/edits/types";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import type { EditCategory } from "@/lib/catalogue/schema";
import { addEditCommentAction, decideEditRequestAction, submitEditRequestAction, withdrawEditRequestAction } from "@/lib/edits/actions";
import { editRequestTimeline, getEditRequest, listEditAttachments, listEditComments, organizationNames } from "@/lib/edits/queries";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "@/lib/edits/schema";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";

type Params = Promise<{ id: string }>;

const load = cache(async (id: string) => {
  if (!z.uuid().safeParse(id).success) notFound();
  const session = await requireSession();
  const request = await getEditRequest(session.actor, id);
  if (!request) notFound();
  return { ...session, request };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { request } = await load((await params).id);
  return { title: request.name };
}

/** A line under a timeline step, from what the audit entry recorded (counts, the studio's note, the new status). */
function timelineDetail(
  action: string,
  after: unknown,
  t: Awaited<ReturnType<typeof getTranslations<"edits">>>,
  n: (v: number) => string,
): string | null {
  if (!after || typeof after !== "object") return null;
  const a = after as {
    status?: string;
    items?: { status?: string }[];
    decisions?: { decision?: string }[];
    note?: string;
    requestChanges?: string;
    body?: string;
    fileName?: string;
  };
  const count = (list: { status?: string; decision?: string }[] | undefined, s: string) =>
    n((list ?? []).filter((x) => (x.status ?? x.decision) === s).length);
  if (action === "edit_request.submit" || action === "edit_request.resubmit") {
    return t("timeline.evaluated", {
      approved: count(a.items, "APPROVED"),
      rejected: count(a.items, "REJECTED"),
      pending: count(a.items, "PENDING"),
    });
  }
  if (action === "edit_request.decide")
    return t("timeline.decided", { approved: count(a.decisions, "APPROVED"), rejected: count(a.decisions, "REJECTED") });
  if (action === "edit_request.request_changes") return a.note ?? a.requestChanges ?? null;
  if (action === "edit_request.comment") return a.body ? (a.body.length > 140 ? `${a.body.slice(0, 139)}…` : a.body) : null;
  if (action === "edit_request.attach") return a.fileName ?? null;
  return null;
}

export default async function EditRequestPage({ params }: { params: Params }) {
  const { id } = await params;
  const { actor, request } = await load(id);
  const [t, tAll, tVersionKind, locale] = await Promise.all([
    getTranslations("edits.detail"),
    getTranslations("edits"),
    getTranslations("catalogue.versionKinds"),
    getLocale(),
  ]);
  const [comments, attachments, timeline] = await Promise.all([
    listEditComments(actor, id),
    listEditAttachments(actor, id),
    editRequestTimeline(actor, id),
  ]);
  const subject = { role: actor.role, orgKind: actor.org.kind };
  const isPartner = request.partnerId === actor.org.id;
  const mayWrite = isPartner && can(subject, "edits.request.write");
  const mayDecide = !isPartner && can(subject, "edits.decide") && request.status === "UNDER_REVIEW";
  const mayComment = can(subject, "edits.comment") && request.status !== "WITHDRAWN";
  const n = (v: number) => formatNumber(v, locale);
  const date = (d: Date | null) => (d ? formatDateTime(d, locale) : null);
  const titleName = titleLabel(request.title, locale);
  const versionName = (v: { name: string; kind: string }) =>
    v.kind === "ORIGINAL" && v.name === "Original" ? tVersionKind("ORIGINAL") : v.name;
  const pending = request.items.filter((i) => i.status === "PENDING").length;

  const items: RequestItemView[] = request.items.map((i) => ({
    id: i.id,
    position: i.position,
    category: i.category as EditCategory,
    description: i.description,
    rationale: i.rationale,
    magnitudePct: i.magnitudePct?.toString() ?? null,
    status: i.status,
    reason: i.reason,
    automatic: i.automatic,
    decidedAt: i.decidedAt?.toISOString() ?? null,
  }));
  const policy = request.policy
    ? policyElements(
        request.policy.elements.map((e) => ({ category: e.category, rule: e.rule, maxPct: e.maxPct?.toString() ?? null, note: e.note })),
      )
    : null;
  const orgNames = await organizationNames([...new Set((timeline ?? []).map((e) => e.organizationId).filter((x): x is string => !!x))]);
  const entries: TimelineEntryView[] = (timeline ?? []).map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    actor: e.actor?.name ?? null,
    organization: e.organizationId ? (orgNames.get(e.organizationId) ?? null) : null,
    detail: timelineDetail(e.action, e.after, tAll, n),
  }));

  return (
    <>
      <PageHeader
        eyebrow={
          <span className="flex flex-wrap items-center gap-2">
            <Link href="/edit-requests" className="hover:text-foreground hover:underline">
              {tAll("list.title")}
            </Link>
            <span aria-hidden>/</span>
            <EditRequestStatusBadge status={request.status} />
          </span>
        }
        title={request.name}
        description={
          <span>
            <Link href={`/titles/${request.titleId}`} className="font-medium text-foreground hover:underline">
              {titleName}
            </Link>
            {" · "}
            {request.territories.map((c) => territoryLabel(c, locale)).join(", ")}
          </span>
        }
        actions={
          mayDecide ? (
            <RequestChangesDialog requestId={id} decideAction={decideEditRequestAction} />
          ) : mayWrite ? (
            <PartnerActions
              requestId={id}
              version={request.lockVersion}
              status={request.status}
              studioName={request.studio.name}
              submitAction={submitEditRequestAction}
              withdrawAction={withdrawEditRequestAction}
            />
          ) : null
        }
      />

      <div className="grid gap-6">
        {request.status === "DRAFT" && isPartner ? (
          <Alert>
            <AlertDescription>{t("draftNotice")}</AlertDescription>
          </Alert>
        ) : null}
        {request.status === "CHANGES_REQUESTED" && request.changesRequestedNote ? (
          <Alert variant="warning" data-testid="changes-requested">
            <MessageSquareWarning aria-hidden />
            <AlertTitle>{t("changesRequested")}</AlertTitle>
            <AlertDescription className="whitespace-pre-line">{request.changesRequestedNote}</AlertDescription>
          </Alert>
        ) : null}
        {request.status === "UNDER_REVIEW" && pending > 0 ? (
          <Alert variant={mayDecide ? "warning" : "default"}>
            <AlertDescription>
              {mayDecide ? t("awaitingYou", { count: pending }) : t("awaitingStudio", { studio: request.studio.name, count: pending })}
            </AlertDescription>
          </Alert>
        ) : null}
        {request.resultVersion ? (
          <Card className="border-success/30 bg-success/5" data-testid="result-version">
            <CardContent className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="flex items-start gap-3">
                <GitBranch className="mt-0.5 size-5 text-success" aria-hidden />
                <div className="grid gap-0.5">
                  <p className="font-medium">{t("result")}</p>
                  <p className="text-sm text-muted-foreground">{t("resultDescription", { title: titleName })}</p>
                </div>
              </div>
              <Button asChild variant="outline">
                <Link href={`/titles/${request.titleId}#version-${request.resultVersion.id}`}>
                  {t("openVersion", { name: request.resultVersion.name })}
                  <ArrowRight aria-hidden />
                </Link>
              </Button>
            </CardContent>
          </Card>
        ) : null}

        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <section aria-labelledby="items-heading" className="grid min-w-0 gap-3">
            <h2 id="items-heading" className="text-base font-semibold">
              {t("items", { count: n(items.length) })}
            </h2>
            <ItemsTable requestId={id} items={items} policy={policy} decide={mayDecide ? { action: decideEditRequestAction } : undefined} />
          </section>

          <div className="grid min-w-0 gap-6">
            <Card>
              <CardHeader>
                <CardTitle>{t("facts")}</CardTitle>
              </CardHeader>
              <CardContent>
                <dl className="grid gap-3 text-sm">
                  <Fact label={t("title")}>
                    <Link href={`/titles/${request.titleId}`} className="hover:underline">
                      {titleName}
                    </Link>
                  </Fact>
                  <Fact label={t("baseVersion")}>{versionName(request.baseVersion)}</Fact>
                  <Fact label={t("territories")}>{request.territories.map((c) => territoryLabel(c, locale)).join(", ")}</Fact>
                  <Fact label={t("deal")}>
                    {request.deal ? (
                      <Link href={`/deals/${request.deal.id}`} className="inline-flex items-center gap-1 hover:underline">
                        <Handshake className="size-3.5" aria-hidden />
                        {request.deal.name}
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">{t("noDeal")}</span>
                    )}
                  </Fact>
                  <Fact label={t("partner")}>{request.partner.name}</Fact>
                  <Fact label={t("studio")}>{request.studio.name}</Fact>
                  <Fact label={t("policyVersion")}>
                    {request.policy ? (
                      <Link href={`/titles/${request.titleId}/edit-policy`} className="hover:underline">
                        {t("policyVersionValue", { version: request.policy.version })}
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">{t("notSubmitted")}</span>
                    )}
                  </Fact>
                  <Fact label={t("created")}>{date(request.createdAt)}</Fact>
                  {request.submittedAt ? <Fact label={t("submitted")}>{date(request.submittedAt)}</Fact> : null}
                  {request.decidedAt ? <Fact label={t("decided")}>{date(request.decidedAt)}</Fact> : null}
                  {request.withdrawnAt ? <Fact label={t("withdrawn")}>{date(request.withdrawnAt)}</Fact> : null}
                </dl>
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>{t("attachments", { count: n(attachments?.length ?? 0) })}</CardTitle>
              </CardHeader>
              <CardContent>
                <Attachments
                  requestId={id}
                  attachments={(attachments ?? []).map((a) => ({
                    id: a.id,
                    fileName: a.fileName,
                    contentType: a.contentType,
                    sizeBytes: a.sizeBytes,
                    createdAt: a.createdAt.toISOString(),
                    organization: a.orgId === request.partnerId ? request.partner.name : request.studio.name,
                    uploadedBy: null,
                    href: `/api/v1/edit-requests/${id}/attachments/${a.id}`,
                  }))}
                  limits={{ types: ATTACHMENT_TYPES, maxBytes: MAX_ATTACHMENT_BYTES }}
                  mayUpload={mayComment}
                />
              </CardContent>
            </Card>
          </div>
        </div>

        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <Card>
            <CardHeader>
              <CardTitle>{t("comments", { count: n(comments?.items.length ?? 0) })}</CardTitle>
            </CardHeader>
            <CardContent>
              <Comments
                requestId={id}
                comments={(comments?.items ?? []).map((c) => ({
                  id: c.id,
                  body: c.body,
                  createdAt: c.createdAt.toISOString(),
                  author: c.author?.name ?? null,
                  organization: c.org,
                  mine: c.org.id === actor.org.id,
                }))}
                commentAction={mayComment ? addEditCommentAction : undefined}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("timeline")}</CardTitle>
            </CardHeader>
            <CardContent>
              <Timeline entries={entries} />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}

function Fact({ label, children }: { label: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}
