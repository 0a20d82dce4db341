import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { CreatorStatements } from "@/components/statements/creator-statements";
import { DealSectionHeader } from "@/components/statements/deal-section";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireSession } from "@/lib/auth/gate";
import { creatorStatements, listReceipts } from "@/lib/statements/queries";

type Params = Promise<{ id: string }>;
type Search = Promise<{ period?: string | string[] }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statements.creators");
  return { title: t("title") };
}

export default async function DealCreatorsPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const search = await searchParams;
  if (!z.uuid().safeParse(id).success) notFound();
  const { actor } = await requireSession();
  const period = search.period === "month" ? "month" : "quarter";
  const [list, t] = await Promise.all([listReceipts(actor, id), getTranslations("statements.creators")]);
  if (!list) notFound();
  const { deal } = list;
  // Creator statements are the licensor's: the licensee sees that they exist, not what creators earn.
  const rows = deal.role === "LICENSOR" ? await creatorStatements(actor, { dealId: deal.id, period }) : null;

  return (
    <>
      <DealSectionHeader deal={deal} section="creators" title={t("title")} description={t("pageDescription")} />
      {rows === null ? (
        <Alert>
          <AlertDescription>{t("licensorOnly")}</AlertDescription>
        </Alert>
      ) : (
        <CreatorStatements
          rows={rows}
          period={period}
          hrefFor={{ quarter: `/deals/${deal.id}/creators`, month: `/deals/${deal.id}/creators?period=month` }}
          csvHref={`/api/v1/deals/${deal.id}/creator-statements?period=${period}&format=csv`}
        />
      )}
    </>
  );
}
