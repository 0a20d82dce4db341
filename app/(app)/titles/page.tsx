import { Clapperboard, FileUp, Plus } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CursorPager } from "@/components/catalogue/cursor-pager";
import { ListNavigation } from "@/components/catalogue/list-navigation";
import { listQueryFrom, PAGE_SIZES } from "@/components/catalogue/list-query";
import { TitleFilters } from "@/components/catalogue/title-filters";
import { type TitleRow, TitlesTable } from "@/components/catalogue/titles-table";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { presentTitleSummary } from "@/lib/catalogue/present";
import { listTitles } from "@/lib/catalogue/queries";
import { formatNumber } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue.list");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The studio's own titles: server-filtered, server-sorted, keyset-paginated. */
export default async function TitlesPage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requireSession();
  // Everyone else browses the marketplace of LISTED titles.
  if (actor.org.kind !== "STUDIO") redirect("/catalogue");
  const mayWrite = can({ role: actor.role, orgKind: actor.org.kind }, "catalogue.write");
  const query = listQueryFrom(await searchParams);
  const locale = await getLocale();
  // Title A–Z in the UI language (issue 17 point 5).
  const [page, t] = await Promise.all([
    listTitles(actor, { ...query, locale: undefined }, locale === "zh" ? "zh" : "en"),
    getTranslations("catalogue.list"),
  ]);
  const rows: TitleRow[] = page.items.map((item) => {
    const title = presentTitleSummary(item);
    return {
      id: title.id,
      kind: title.kind,
      originalTitle: title.originalTitle,
      titles: title.titles,
      genres: title.genres,
      year: title.year,
      visibility: title.visibility,
      archived: title.archived,
      posterUrl: title.posterUrl,
      versionCount: title.versionCount,
      updatedAt: title.updatedAt,
    };
  });
  const filtered = Boolean(query.q || query.kind || query.genre || query.visibility || query.archived !== "false");

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          page.total === 0 && !filtered
            ? t("descriptionEmpty")
            : t("description", { total: formatNumber(page.total, locale), count: page.total })
        }
        actions={
          mayWrite ? (
            <>
              <Button asChild variant="outline">
                <Link href="/titles/import">
                  <FileUp aria-hidden />
                  {t("import")}
                </Link>
              </Button>
              <Button asChild>
                <Link href="/titles/new">
                  <Plus aria-hidden />
                  {t("new")}
                </Link>
              </Button>
            </>
          ) : null
        }
      />
      <ListNavigation>
        <div className="flex flex-col gap-4">
          <TitleFilters filters={["kind", "genre", "visibility", "archived"]} searchPlaceholder={t("searchPlaceholder")} />
          <TitlesTable
            rows={rows}
            sort={query.sort}
            order={query.order}
            filtered={filtered}
            emptyCatalogue={
              <EmptyState
                icon={Clapperboard}
                title={t("empty.title")}
                description={t("empty.description")}
                action={
                  mayWrite ? (
                    <div className="flex flex-wrap justify-center gap-2">
                      <Button asChild>
                        <Link href="/titles/new">
                          <Plus aria-hidden />
                          {t("new")}
                        </Link>
                      </Button>
                      <Button asChild variant="outline">
                        <Link href="/titles/import">
                          <FileUp aria-hidden />
                          {t("import")}
                        </Link>
                      </Button>
                    </div>
                  ) : null
                }
              />
            }
          />
          {rows.length > 0 ? (
            <CursorPager
              total={page.total}
              count={rows.length}
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
