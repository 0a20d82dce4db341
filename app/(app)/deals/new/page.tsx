import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { DealForm } from "@/components/deals/deal-form";
import { requirePermission } from "@/lib/auth/gate";
import { createDealAction } from "@/lib/deals/actions";
import { listCounterparties } from "@/lib/deals/queries";
import { isLocale } from "@/lib/i18n/config";
import { countryName } from "@/lib/i18n/countries";
import { listCurrencies } from "@/lib/reference/currencies";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("deals.new");
  return { title: t("title") };
}

export default async function NewDealPage() {
  const { actor } = await requirePermission("deals.write");
  const [counterparties, t, locale] = await Promise.all([listCounterparties(actor), getTranslations("deals"), getLocale()]);
  const lang = isLocale(locale) ? locale : "en";
  const currencies = listCurrencies({ dealable: true }).map((c) => ({ code: c.code, name: c.name[lang], minorUnits: c.minorUnits ?? 2 }));
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/deals" className="hover:text-foreground hover:underline">
            {t("list.title")}
          </Link>
        }
        title={t("new.title")}
        description={t("new.description")}
      />
      <DealForm
        organizationName={actor.org.name}
        counterparties={counterparties
          .filter((c): c is typeof c & { kind: "STUDIO" | "PARTNER" } => c.kind === "STUDIO" || c.kind === "PARTNER")
          .map((c) => ({ id: c.id, name: c.name, kind: c.kind, countryName: countryName(c.homeCountry, locale) }))}
        currencies={currencies}
        defaultCurrency="USD"
        defaultDirection={actor.org.kind === "STUDIO" ? "OUT" : "IN"}
        createAction={createDealAction}
      />
    </>
  );
}
