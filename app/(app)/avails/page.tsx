import { SearchX, TriangleAlert } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AvailsFilters } from "@/components/avails/avails-filters";
import { AvailsView } from "@/components/avails/avails-view";
import { buildAvailsMatrix } from "@/components/avails/build";
import { gridOf } from "@/components/avails/matrix";
import { type AvailsFilterValues, availsApiSearch } from "@/components/avails/search";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { mediaOptions, territoryOptions } from "@/components/deals/reference-options";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { requireSession } from "@/lib/auth/gate";
import { MAX_AVAIL_CELLS, queryAvails } from "@/lib/avails/queries";
import { addDays } from "@/lib/dates";
import { availsTitleOptions, dealNames } from "@/lib/deals/queries";
import { availsQuerySchema } from "@/lib/deals/schema";
import { isLocale } from "@/lib/i18n/config";
import { MEDIA_RIGHT_LEAVES } from "@/lib/reference/media-rights";
import { COUNTRIES } from "@/lib/territories";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("deals.avails");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
const list = (v: string | undefined) =>
  v
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

export default async function AvailsPage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requireSession();
  const search = await searchParams;
  const [titleOptions, t, locale] = await Promise.all([availsTitleOptions(actor), getTranslations("deals.avails"), getLocale()]);
  const lang = isLocale(locale) ? locale : "en";
  const isStudio = actor.org.kind === "STUDIO";
  const titleName = (x: { originalTitle: string; titleEn: string | null; titleZh: string | null }) =>
    (lang === "zh" ? x.titleZh : x.titleEn) ?? x.originalTitle;

  // Without a question yet: the whole catalogue when the grid stays within what one request may
  // ask (else the first title), worldwide, all media, exclusively, for a year from today.
  const today = new Date().toISOString().slice(0, 10);
  const fits = titleOptions.length * COUNTRIES.size * MEDIA_RIGHT_LEAVES.length <= MAX_AVAIL_CELLS;
  const defaultScope = fits || titleOptions.length === 0 ? "all" : titleOptions[0]!.id;
  const values: AvailsFilterValues = {
    scope: one(search.scope) ?? defaultScope,
    territories: list(one(search.territories)),
    mediaRights: list(one(search.mediaRights)),
    start: one(search.start) ?? today,
    end: one(search.end) ?? addDays(addDays(today, 365), -1),
    exclusive: one(search.exclusive) !== "false",
    season: /^\d{1,4}$/.test(one(search.season) ?? "") ? Number(one(search.season)) : undefined,
  };

  const scope = values.scope;
  const studioId = scope.startsWith("studio:") ? scope.slice("studio:".length) : undefined;
  const parsed = availsQuerySchema.safeParse({
    ...(scope !== "all" && !studioId ? { titleId: scope } : {}),
    ...(studioId ? { studioId } : {}),
    ...(values.territories.length > 0 ? { territories: values.territories.join(",") } : {}),
    ...(values.mediaRights.length > 0 ? { mediaRights: values.mediaRights.join(",") } : {}),
    start: values.start,
    end: values.end,
    exclusive: String(values.exclusive),
    ...(values.season !== undefined && scope !== "all" && !studioId ? { season: values.season } : {}),
  });
  const answer = parsed.success ? await queryAvails(actor, parsed.data) : null;

  const studios = [...new Map(titleOptions.map((x) => [x.studio.id, x.studio])).values()];
  const matrix =
    answer?.ok && answer.value.items.length > 0
      ? buildAvailsMatrix(
          answer.value.items,
          titleOptions
            .filter((x) => answer.value.items.some((i) => i.titleId === x.id))
            .map((x) => ({ id: x.id, name: titleName(x), original: x.originalTitle, studio: x.studio.name })),
          locale,
          await dealNames(actor, [...new Set(answer.value.items.flatMap((i) => (i.blockers ?? []).map((b) => b.dealId)))]),
        )
      : null;

  const problem = !parsed.success
    ? parsed.error.issues[0]?.path[0] === "end"
      ? t("errors.window")
      : t("errors.invalid")
    : answer && !answer.ok
      ? answer.reason === "TOO_BROAD"
        ? t("errors.tooBroad")
        : answer.reason === "NOT_FOUND"
          ? t("errors.titleNotFound")
          : t("errors.invalid")
      : null;

  return (
    <>
      <PageHeader title={t("title")} description={isStudio ? t("descriptionStudio") : t("descriptionPartner")} />
      <div className="grid gap-6">
        <AvailsFilters
          initial={values}
          scopes={{
            allLabel: isStudio ? t("filters.allMine") : t("filters.allListed"),
            studios: isStudio ? [] : studios,
            titles: titleOptions.map((x) => ({
              id: x.id,
              label: titleName(x) === x.originalTitle ? x.originalTitle : `${titleName(x)} · ${x.originalTitle}`,
              studio: x.studio.name,
              seasons: x.seasons.map((s) => s.number),
            })),
          }}
          territories={territoryOptions(locale)}
          media={mediaOptions(locale)}
        />
        {problem ? (
          <Alert variant="warning">
            <TriangleAlert aria-hidden />
            <AlertTitle>{t("errors.title")}</AlertTitle>
            <AlertDescription>{problem}</AlertDescription>
          </Alert>
        ) : matrix ? (
          <AvailsView
            grid={gridOf(matrix)}
            apiSearch={availsApiSearch(values)}
            emaHref={`/api/v1/avails/export?format=xlsx&${availsApiSearch(values)}`}
            csvName={`avails-${values.start}-${values.end}.csv`}
          />
        ) : (
          <EmptyState
            icon={SearchX}
            title={t("empty.title")}
            description={titleOptions.length === 0 ? t("empty.noTitles") : t("empty.description")}
          />
        )}
      </div>
    </>
  );
}
