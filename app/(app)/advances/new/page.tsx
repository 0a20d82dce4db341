import { Handshake } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { ApplicationForm } from "@/components/facility/application-form";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/gate";
import { saveApplicationAction, submitAdvanceAction } from "@/lib/facility/actions";
import { applicationOptions } from "@/lib/facility/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("facility.apply");
  return { title: t("title") };
}

type Search = Promise<{ deal?: string | string[] }>;

/** A studio applies against one of its signed cross-border deals, seeing every limit first. */
export default async function NewAdvancePage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requirePermission("advances.apply");
  const search = await searchParams;
  const locale = await getLocale();
  const [options, t, tList] = await Promise.all([
    applicationOptions(actor, locale),
    getTranslations("facility.apply"),
    getTranslations("facility.list"),
  ]);
  const header = (
    <PageHeader
      eyebrow={
        <Link href="/advances" className="hover:text-foreground hover:underline">
          {tList("title")}
        </Link>
      }
      title={t("title")}
      description={t("description")}
    />
  );
  if (!options.facility) {
    return (
      <>
        {header}
        <EmptyState icon={Handshake} title={t("noFacilityTitle")} description={t("noFacility")} />
      </>
    );
  }
  if (options.deals.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          icon={Handshake}
          title={t("noDealsTitle")}
          description={t("noDeals")}
          action={
            <Button asChild size="sm">
              <Link href="/deals">{t("toDeals")}</Link>
            </Button>
          }
        />
      </>
    );
  }
  return (
    <>
      {header}
      <ApplicationForm
        deals={options.deals}
        facility={options.facility}
        defaultDealId={typeof search.deal === "string" ? search.deal : undefined}
        saveAction={saveApplicationAction}
        submitAction={submitAdvanceAction}
      />
    </>
  );
}
