import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/common/page-header";
import { ApplicationForm } from "@/components/facility/application-form";
import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/gate";
import { saveApplicationAction, submitAdvanceAction } from "@/lib/facility/actions";
import { applicationOptions, getAdvance } from "@/lib/facility/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("facility.apply");
  return { title: t("editTitle") };
}

/** The studio changes its draft (amount, purpose, documents) before submitting it. */
export default async function EditAdvancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { actor } = await requirePermission("advances.apply");
  const advance = await getAdvance(actor, id);
  if (!advance || advance.studio.id !== actor.org.id) notFound();
  if (advance.status !== "DRAFT") redirect(`/advances/${id}`);
  const locale = await getLocale();
  const [options, t] = await Promise.all([applicationOptions(actor, locale), getTranslations("facility.apply")]);
  // The draft's deal stays selectable even if it no longer qualifies (the server says why on save).
  const deals = options.deals.some((d) => d.id === advance.dealId)
    ? options.deals
    : [
        ...options.deals,
        {
          id: advance.deal.id,
          name: advance.deal.name,
          currency: advance.deal.currency,
          licensee: { id: advance.deal.licensee.id, name: advance.deal.licensee.name, countryName: advance.deal.licensee.homeCountry },
          mgContracted: null,
          mgReceived: null,
          eligibility: null,
        },
      ];
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/advances/${id}`} className="hover:text-foreground hover:underline">
            {advance.deal.name}
          </Link>
        }
        title={t("editTitle")}
        description={t("description")}
      />
      {options.facility ? (
        <ApplicationForm
          deals={deals}
          facility={options.facility}
          initial={{ advanceId: id, dealId: advance.dealId, amount: advance.amount.amount, purpose: advance.purpose }}
          saveAction={saveApplicationAction}
          submitAction={submitAdvanceAction}
        />
      ) : null}
    </>
  );
}
