import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { displayTitle } from "@/components/catalogue/title-display";
import { PageHeader } from "@/components/common/page-header";
import { DealForm } from "@/components/deals/deal-form";
import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/gate";
import { getTitle } from "@/lib/catalogue/queries";
import { createDealAction } from "@/lib/deals/actions";
import { listCounterparties } from "@/lib/deals/queries";
import { isLocale } from "@/lib/i18n/config";
import { countryName } from "@/lib/i18n/countries";
import { listCurrencies } from "@/lib/reference/currencies";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("deals.new");
  return { title: t("title") };
}

type Search = Promise<{ licensorId?: string | string[]; titleId?: string | string[] }>;

export default async function NewDealPage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requirePermission("deals.write");
  const search = await searchParams;
  const [counterparties, t, locale] = await Promise.all([listCounterparties(actor), getTranslations("deals"), getLocale()]);
  // "Propose a deal" from a title page: licensing in from the title's studio, named after the title.
  const licensor = counterparties.find((c) => c.id === search.licensorId && c.kind === "STUDIO");
  const title = licensor && typeof search.titleId === "string" ? await getTitle(actor, search.titleId).catch(() => null) : null;
  const preset = licensor && title && title.studioId === licensor.id ? { licensor, title } : null;
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
        defaultDirection={preset || actor.org.kind !== "STUDIO" ? "IN" : "OUT"}
        defaultCounterpartyId={preset?.licensor.id}
        defaultName={
          preset
            ? `${displayTitle({ originalTitle: preset.title.originalTitle, titles: { en: preset.title.titleEn, zh: preset.title.titleZh } }, locale)} × ${actor.org.name}`
            : undefined
        }
        createAction={createDealAction}
      />
    </>
  );
}
