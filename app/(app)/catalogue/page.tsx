import { Store } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CursorPager } from "@/components/catalogue/cursor-pager";
import { ListNavigation, ListPending } from "@/components/catalogue/list-navigation";
import { listQueryFrom } from "@/components/catalogue/list-query";
import { TitleCard } from "@/components/catalogue/title-card";
import { TitleFilters } from "@/components/catalogue/title-filters";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { requireSession } from "@/lib/auth/gate";
import { presentTitleSummary } from "@/lib/catalogue/present";
import { listTitles } from "@/lib/catalogue/queries";
import { formatNumber } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue.marketplace");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const PAGE_SIZES = [24, 48, 96];

/** The marketplace: LISTED titles of every studio, for partners and other non-studio organisations. */
export default async function CataloguePage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requireSession();
  // A studio's list is its own titles (lib/catalogue/queries listTitles), so studios manage theirs there.
  if (actor.org.kind === "STUDIO") redirect("/titles");
  const query = listQueryFrom(await searchParams, { limit: "24" });
  // The marketplace never shows archived titles, whatever the URL says.
  const locale = await getLocale();
  // Title A–Z in the UI language (issue 17 point 5).
  const [page, t] = await Promise.all([
    listTitles(actor, { ...query, archived: "false", visibility: undefined, locale: undefined }, locale === "zh" ? "zh" : "en"),
    getTranslations("catalogue.marketplace"),
  ]);
  const titles = page.items.map(presentTitleSummary);
  const filtered = Boolean(query.q || query.kind || query.genre);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          page.total === 0 && !filtered
            ? t("descriptionEmpty")
            : t("description", { total: formatNumber(page.total, locale), count: page.total })
        }
      />
      <ListNavigation>
        <div className="flex flex-col gap-5">
          <TitleFilters
            filters={["kind", "genre"]}
            searchPlaceholder={t("searchPlaceholder")}
            defaultSort="title:asc"
            sorts={[
              { value: "title:asc", label: t("sort.title") },
              { value: "year:desc", label: t("sort.newest") },
              { value: "updated:desc", label: t("sort.updated") },
            ]}
          />
          <ListPending>
            {titles.length === 0 ? (
              <EmptyState
                icon={Store}
                title={filtered ? t("noResults.title") : t("empty.title")}
                description={filtered ? t("noResults.description") : t("empty.description")}
              />
            ) : (
              <ul className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 md:grid-cols-4 xl:grid-cols-6" aria-label={t("title")}>
                {titles.map((title) => (
                  <li key={title.id}>
                    <TitleCard title={title} />
                  </li>
                ))}
              </ul>
            )}
          </ListPending>
          {titles.length > 0 ? (
            <CursorPager
              total={page.total}
              count={titles.length}
              pageSize={query.limit}
              nextCursor={page.nextCursor}
              pageSizes={PAGE_SIZES}
            />
          ) : null}
        </div>
      </ListNavigation>
    </>
  );
}
