import { FilePlus2 } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { DealSectionHeader } from "@/components/statements/deal-section";
import { RecoupmentChart } from "@/components/statements/recoupment-chart";
import { StatementsTable } from "@/components/statements/statements-table";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { listDealStatements } from "@/lib/statements/queries";
import type { StatementStatus } from "@/lib/statements/schema";

type Params = Promise<{ id: string }>;

async function load(id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  const { actor } = await requireSession();
  const data = await listDealStatements(actor, id);
  if (!data) notFound();
  return { actor, data };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const { data } = await load(id);
  const t = await getTranslations("statements.deal");
  return { title: t("metaTitle", { deal: data.deal.name }) };
}

export default async function DealStatementsPage({ params }: { params: Params }) {
  const { id } = await params;
  const { actor, data } = await load(id);
  const t = await getTranslations("statements.deal");
  const { deal } = data;
  const live = deal.status === "SIGNED" || deal.status === "EXPIRED";
  const maySubmit = deal.role === "LICENSEE" && live && can({ role: actor.role, orgKind: actor.org.kind }, "statements.submit");
  const counterparty = deal.role === "LICENSOR" ? deal.licensee.name : deal.licensor.name;
  const newButton = maySubmit ? (
    <Button asChild>
      <Link href={`/deals/${deal.id}/statements/new`}>
        <FilePlus2 aria-hidden />
        {t("new")}
      </Link>
    </Button>
  ) : null;

  return (
    <>
      <DealSectionHeader
        deal={deal}
        section="statements"
        title={t("title")}
        description={
          deal.role === "LICENSOR"
            ? t("descriptionLicensor", { licensee: counterparty })
            : t("descriptionLicensee", { licensor: counterparty })
        }
        actions={newButton}
      />
      <div className="grid gap-6">
        {!live ? <p className="text-sm text-muted-foreground">{t("notSigned")}</p> : null}
        <RecoupmentChart
          points={data.recoupment.map((p) => ({
            statementId: p.statementId,
            periodStart: p.periodStart,
            periodEnd: p.periodEnd,
            licensorShare: p.licensorShare,
          }))}
          minimumGuarantee={data.terms.minimumGuarantee}
        />
        <StatementsTable
          showDeal={false}
          rows={data.statements.map((s) => ({
            id: s.id,
            periodStart: s.periodStart,
            periodEnd: s.periodEnd,
            status: s.status as StatementStatus,
            counting: s.counting,
            superseded: s.superseded,
            gross: s.gross,
            lineCount: s.lineCount,
            createdAt: s.createdAt,
            licensorShare: s.waterfall?.period.licensorShare ?? null,
            overage: s.waterfall?.period.overage ?? null,
          }))}
          empty={{
            title: t("empty.title"),
            description: deal.role === "LICENSEE" ? t("empty.licensee") : t("empty.licensor", { licensee: counterparty }),
            action: newButton,
          }}
        />
      </div>
    </>
  );
}
