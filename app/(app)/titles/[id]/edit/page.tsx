import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { displayTitle } from "@/components/catalogue/title-display";
import { TitleForm, type TitleFormValues } from "@/components/catalogue/title-form";
import { PageHeader } from "@/components/common/page-header";
import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/gate";
import { updateTitleAction } from "@/lib/catalogue/actions";
import { getTitle } from "@/lib/catalogue/queries";
import { SUGGESTED_LANGUAGE_TAGS } from "@/lib/reference/languages";

type Params = Promise<{ id: string }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function ownTitle(id: string) {
  const { actor } = await requirePermission("catalogue.write");
  if (!UUID.test(id)) notFound();
  const title = await getTitle(actor, id);
  // Readable is not enough: only the owning studio edits (others get the same 404 as for nothing).
  if (!title || title.studioId !== actor.org.id) notFound();
  return title;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations("catalogue.form"), getLocale()]);
  const title = await ownTitle((await params).id);
  return {
    title: t("editMeta", {
      title: displayTitle({ originalTitle: title.originalTitle, titles: { en: title.titleEn, zh: title.titleZh } }, locale),
    }),
  };
}

export default async function EditTitlePage({ params }: { params: Params }) {
  const title = await ownTitle((await params).id);
  const [t, locale] = await Promise.all([getTranslations("catalogue"), getLocale()]);
  const name = displayTitle({ originalTitle: title.originalTitle, titles: { en: title.titleEn, zh: title.titleZh } }, locale);
  const defaults: TitleFormValues = {
    kind: title.kind,
    originalTitle: title.originalTitle,
    titles: { en: title.titleEn ?? "", zh: title.titleZh ?? "" },
    originalLanguage: title.originalLanguage,
    genres: title.genres,
    year: title.year,
    runtimeMinutes: title.runtimeMinutes,
    episodeCount: title.episodeCount,
    eidr: title.eidr ?? "",
    synopsis: title.synopsis ?? "",
    visibility: title.visibility,
    awards: title.awards.map((a) => ({ festival: a.festival, section: a.section ?? "", award: a.award, year: a.year })),
  };
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/titles/${title.id}`} className="hover:text-foreground hover:underline">
            {name}
          </Link>
        }
        title={t("form.editTitle")}
        description={t("form.editDescription")}
      />
      <TitleForm
        mode="edit"
        titleId={title.id}
        lockVersion={title.lockVersion}
        defaults={defaults}
        suggestedLanguages={SUGGESTED_LANGUAGE_TAGS}
        updateAction={updateTitleAction}
      />
    </>
  );
}
