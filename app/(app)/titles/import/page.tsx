import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportTitles } from "@/components/catalogue/import-titles";
import { PageHeader } from "@/components/common/page-header";
import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/gate";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue.import");
  return { title: t("title") };
}

/** Bulk import: upload, preview with every problem, then import all or nothing. */
export default async function ImportTitlesPage() {
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
        title={t("import.title")}
        description={t("import.description")}
      />
      <div className="max-w-6xl">
        <ImportTitles />
      </div>
    </>
  );
}
