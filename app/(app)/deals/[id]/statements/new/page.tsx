import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { nameMaps } from "@/components/deals/reference-options";
import { DealSectionHeader } from "@/components/statements/deal-section";
import { NewStatementTabs } from "@/components/statements/new-statement-tabs";
import { StatementForm } from "@/components/statements/statement-form";
import { StatementUpload } from "@/components/statements/statement-upload";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { minorUnits } from "@/lib/reference/currencies";
import { submitStatementAction } from "@/lib/statements/actions";
import { listDealStatements, statementScope } from "@/lib/statements/queries";
import type { StatementStatus } from "@/lib/statements/schema";

type Params = Promise<{ id: string }>;
type Search = Promise<{ supersedes?: string | string[] }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statements.new");
  return { title: t("title") };
}

export default async function NewStatementPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const search = await searchParams;
  if (!z.uuid().safeParse(id).success) notFound();
  const { actor } = await requireSession();
  const [scope, list, locale, t, tStatus] = await Promise.all([
    statementScope(actor, id),
    listDealStatements(actor, id),
    getLocale(),
    getTranslations("statements.new"),
    getTranslations("statements.status"),
  ]);
  if (!scope || !list) notFound();
  const { deal } = scope;
  const live = deal.status === "SIGNED" || deal.status === "EXPIRED";
  const mayWrite = can({ role: actor.role, orgKind: actor.org.kind }, "statements.submit");
  const refusal =
    deal.role !== "LICENSEE" ? t("onlyLicensee", { licensee: deal.licensee.name }) : !live ? t("notSigned") : !mayWrite ? t("role") : null;

  const names = nameMaps(locale);
  const titleName = (x: { originalTitle: string | null; titles: { en: string | null; zh: string | null } }) =>
    (locale === "zh" ? x.titles.zh : x.titles.en) ?? x.originalTitle ?? "—";
  const supersedable = list.statements
    .filter((s) => !s.superseded)
    .map((s) => ({
      value: s.id,
      label: t("supersedeOption", {
        start: formatDate(s.periodStart, locale),
        end: formatDate(s.periodEnd, locale),
        status: tStatus(s.status as StatementStatus),
      }),
    }));
  const wanted = typeof search.supersedes === "string" ? search.supersedes : undefined;
  const defaultSupersedesId = supersedable.some((s) => s.value === wanted) ? wanted : undefined;
  const exponent = minorUnits(deal.currency);

  return (
    <>
      <DealSectionHeader deal={deal} section="statements" title={t("title")} description={t("description", { currency: deal.currency })} />
      {refusal ? (
        <Alert>
          <AlertDescription>{refusal}</AlertDescription>
        </Alert>
      ) : scope.titles.length === 0 ? (
        <Alert>
          <AlertDescription>{t("noGrants")}</AlertDescription>
        </Alert>
      ) : (
        <NewStatementTabs
          form={
            <StatementForm
              dealId={deal.id}
              currency={deal.currency}
              exponent={exponent}
              titles={scope.titles.map((x) => ({ value: x.titleId, label: titleName(x) }))}
              scopes={scope.titles.map((x) => ({ titleId: x.titleId, countries: x.countries, media: x.mediaRights, seasons: x.seasons }))}
              countryNames={names.territories}
              mediaNames={names.media}
              supersedable={supersedable}
              defaultSupersedesId={defaultSupersedesId}
              submitAction={submitStatementAction}
            />
          }
          upload={
            <StatementUpload
              dealId={deal.id}
              currency={deal.currency}
              supersedable={supersedable}
              defaultSupersedesId={defaultSupersedesId}
            />
          }
        />
      )}
    </>
  );
}
