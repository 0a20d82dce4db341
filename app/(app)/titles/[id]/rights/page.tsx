import { Info, ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/common/page-header";
import { mediaOptions, nameMaps, territoryOptions } from "@/components/deals/reference-options";
import { RightsHeldEditor } from "@/components/deals/rights-held-editor";
import { RightsHeldTable } from "@/components/deals/rights-held-table";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { getTitle } from "@/lib/catalogue/queries";
import { setRightsHeldAction } from "@/lib/deals/actions";
import { getRightsHeld } from "@/lib/deals/rights-held";
import { isLocale } from "@/lib/i18n/config";

type Params = Promise<{ id: string }>;

async function load(id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  const { actor } = await requireSession();
  const [title, held] = await Promise.all([getTitle(actor, id), getRightsHeld(actor, id)]);
  if (!title || !held) notFound();
  return { actor, title, held };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const [{ title }, t] = await Promise.all([load(id), getTranslations("deals.rightsHeld")]);
  return { title: `${t("title")} · ${title.originalTitle}` };
}

export default async function TitleRightsPage({ params }: { params: Params }) {
  const { id } = await params;
  const { actor, title, held } = await load(id);
  const [t, locale] = await Promise.all([getTranslations("deals.rightsHeld"), getLocale()]);
  const lang = isLocale(locale) ? locale : "en";
  const local = (lang === "zh" ? title.titleZh : title.titleEn) ?? title.originalTitle;
  // Only the studio's owners and admins record its chain of title; everyone else who can see the title reads it.
  const mayManage = can({ role: actor.role, orgKind: actor.org.kind }, "rights.manage") && title.studioId === actor.org.id;

  return (
    <>
      <PageHeader
        eyebrow={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/titles/${title.id}`} className="hover:text-foreground hover:underline">
              {local}
            </Link>
            <span aria-hidden>/</span>
            <span>{t("title")}</span>
          </span>
        }
        title={t("heading", { title: local })}
        description={t("description")}
      />
      {held.default ? (
        <Alert variant="info" className="mb-6" data-testid="rights-default">
          <ShieldCheck aria-hidden />
          <AlertTitle>{t("defaultTitle")}</AlertTitle>
          <AlertDescription className="text-accent-foreground">{t("defaultDescription")}</AlertDescription>
        </Alert>
      ) : null}
      {mayManage ? (
        <RightsHeldEditor
          titleId={title.id}
          items={held.items}
          territories={territoryOptions(locale)}
          media={mediaOptions(locale)}
          today={new Date().toISOString().slice(0, 10)}
          saveAction={setRightsHeldAction}
        />
      ) : (
        <div className="grid gap-4">
          {held.items.length > 0 ? <RightsHeldTable items={held.items} names={nameMaps(locale)} /> : null}
          <Alert variant="default">
            <Info aria-hidden />
            <AlertDescription>
              {title.studioId === actor.org.id ? t("readOnlyRole") : t("readOnlyOther", { studio: title.studio.name })}
            </AlertDescription>
          </Alert>
        </div>
      )}
    </>
  );
}
