import { ArrowLeft, FilePlus2, History, ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { PageHeader } from "@/components/common/page-header";
import { PolicyEditor } from "@/components/edits/policy-editor";
import { PolicyTable } from "@/components/edits/policy-view";
import { policyElements, titleLabel } from "@/components/edits/present";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { saveEditPolicyAction } from "@/lib/edits/actions";
import { getEditPolicy, listEditPolicyVersions, policyAuthorName, titleStudioName } from "@/lib/edits/queries";
import { formatDateTime } from "@/lib/i18n/format";

type Params = Promise<{ id: string }>;

const load = cache(async (id: string) => {
  if (!z.uuid().safeParse(id).success) notFound();
  const session = await requireSession();
  const view = await getEditPolicy(session.actor, id);
  if (!view) notFound();
  return { ...session, view };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ view }, t, locale] = await Promise.all([load((await params).id), getTranslations("edits.policy"), getLocale()]);
  return { title: `${t("title")} · ${titleLabel(view.title, locale)}` };
}

/**
 * A title's edit policy: the studio that owns the title edits it (each save is a new version);
 * partners who can see the title read it, with the notes that explain each element.
 */
export default async function EditPolicyPage({ params }: { params: Params }) {
  const { id } = await params;
  const { actor, view } = await load(id);
  const [t, locale] = await Promise.all([getTranslations("edits.policy"), getLocale()]);
  const name = titleLabel(view.title, locale);
  const subject = { role: actor.role, orgKind: actor.org.kind };
  const editable = view.own && can(subject, "edits.policy.write");
  const mayRequest = !view.own && can(subject, "edits.request.write");
  const policy = view.policy;
  const [history, author, studio] = await Promise.all([
    view.own ? listEditPolicyVersions(actor, id) : Promise.resolve(null),
    // Who saved the version in force: shown to the studio's own members only.
    view.own && policy ? policyAuthorName(actor, policy.id) : Promise.resolve(null),
    view.own ? Promise.resolve(null) : titleStudioName(actor, id),
  ]);
  const elements = policyElements(policy?.elements ?? []);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/titles/${id}`} className="inline-flex items-center gap-1 hover:text-foreground hover:underline">
            <ArrowLeft className="size-3.5" aria-hidden />
            {name}
          </Link>
        }
        title={t("title")}
        description={view.own ? t("description", { title: name }) : t("descriptionPartner", { studio: studio ?? "" })}
        actions={
          mayRequest ? (
            <Button asChild>
              <Link href={`/edit-requests/new?title=${id}`}>
                <FilePlus2 aria-hidden />
                {t("requestEdit")}
              </Link>
            </Button>
          ) : view.own ? (
            <Button asChild variant="outline">
              <Link href={`/edit-requests?title=${id}`}>{t("requests")}</Link>
            </Button>
          ) : null
        }
      />

      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="policy-version">
        <ShieldCheck className="size-4 text-muted-foreground" aria-hidden />
        {policy ? (
          <>
            <Badge variant="brand">{t("versionBadge", { version: policy.version })}</Badge>
            <span className="text-muted-foreground">
              {t("changedAt", { date: formatDateTime(policy.createdAt, locale) })}
              {author ? ` ${t("changedBy", { name: author })}` : ""}
            </span>
          </>
        ) : (
          <span className="text-muted-foreground">{t("noPolicy")}</span>
        )}
      </div>

      {!policy ? (
        <Alert className="mb-4">
          <AlertTitle>{t("noPolicy")}</AlertTitle>
          <AlertDescription>{editable ? t("noPolicyStudio") : t("noPolicyPartner")}</AlertDescription>
        </Alert>
      ) : null}

      {editable ? (
        <PolicyEditor
          key={policy?.id ?? "none"}
          titleId={id}
          elements={elements}
          version={policy?.version ?? 0}
          saveAction={saveEditPolicyAction}
        />
      ) : (
        <PolicyTable elements={elements} />
      )}

      {history && history.length > 1 ? (
        <section className="mt-8 grid gap-2" aria-labelledby="policy-history">
          <h2 id="policy-history" className="flex items-center gap-2 text-sm font-semibold">
            <History className="size-4 text-muted-foreground" aria-hidden />
            {t("history")}
          </h2>
          <ul className="grid gap-1 text-sm text-muted-foreground">
            {history.slice(1).map((h) => (
              <li key={h.id}>
                {t("historyEntry", { version: h.version, date: formatDateTime(h.createdAt, locale), count: h.elements.length })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
