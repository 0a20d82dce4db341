import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TitleForm } from "@/components/catalogue/title-form";
import { PageHeader } from "@/components/common/page-header";
import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/gate";
import { createTitleAction } from "@/lib/catalogue/actions";
import { SUGGESTED_LANGUAGE_TAGS } from "@/lib/reference/languages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue.form");
  return { title: t("newTitle") };
}

export default async function NewTitlePage() {
  await requirePermission("catalogue.write");
  const t = await getTranslations("catalogue");
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/titles" className="hover:text-foreground hover:underline">
            {t("list.title")}
          </Link>
        }
        title={t("form.newTitle")}
        description={t("form.newDescription")}
      />
      <TitleForm mode="create" suggestedLanguages={SUGGESTED_LANGUAGE_TAGS} createAction={createTitleAction} />
    </>
  );
}
