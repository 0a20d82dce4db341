import { Award, FilePlus2, FileSliders, Grid3x3, Pencil, Scissors, ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type * as React from "react";
import { cache } from "react";
import { ArchiveTitleButton } from "@/components/catalogue/archive-title-button";
import { languageLabel } from "@/components/catalogue/languages";
import { partnerPathsFor } from "@/components/catalogue/partner-paths";
import { Poster } from "@/components/catalogue/poster";
import { PosterUpload } from "@/components/catalogue/poster-upload";
import { SeasonsSection, type SeasonView } from "@/components/catalogue/seasons-section";
import { alternateTitles, displayTitle, hasEpisodes, hasRuntime } from "@/components/catalogue/title-display";
import { VersionsSection, type VersionView } from "@/components/catalogue/versions-section";
import { CopyButton } from "@/components/common/copy-button";
import { OrgKindBadge } from "@/components/common/org-kind-badge";
import { PageHeader } from "@/components/common/page-header";
import { DealStatusBadge } from "@/components/deals/status-badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import {
  createEpisodeAction,
  createMarketTestAction,
  createSeasonAction,
  createVersionAction,
  setTitleArchivedAction,
  updateVersionAction,
} from "@/lib/catalogue/actions";
import { posterUrl, presentEpisode, presentSeason, presentVersion } from "@/lib/catalogue/present";
import { getTitle } from "@/lib/catalogue/queries";
import { seriesOf } from "@/lib/catalogue/seasons";
import { isSeries } from "@/lib/catalogue/series";
import { listDeals } from "@/lib/deals/queries";
import { dealListQuerySchema } from "@/lib/deals/schema";
import { formatDate, formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getGenre } from "@/lib/reference/genres";
import { SUGGESTED_LANGUAGE_TAGS } from "@/lib/reference/languages";
import { listTerritories, territoryName } from "@/lib/territories";

type Params = Promise<{ id: string }>;

const DEALS_SHOWN = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The title if the active organisation may read it; otherwise this page does not exist (404, never 403). */
const loadTitle = cache(async (id: string) => {
  const session = await requireSession();
  if (!UUID.test(id)) notFound();
  const title = await getTitle(session.actor, id);
  if (!title) notFound();
  return { title, session };
});

const named = (title: { originalTitle: string; titleEn: string | null; titleZh: string | null }) => ({
  originalTitle: title.originalTitle,
  titles: { en: title.titleEn, zh: title.titleZh },
});

const PATH_ICONS = { checkAvails: Grid3x3, proposeDeal: FilePlus2, requestEdits: Scissors } as const;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ title }, locale] = await Promise.all([loadTitle((await params).id), getLocale()]);
  return { title: displayTitle(named(title), locale) };
}

export default async function TitlePage({ params }: { params: Params }) {
  const { title, session } = await loadTitle((await params).id);
  const { actor } = session;
  const series = isSeries(title);
  const [deals, seasonRows, t, tKind, tVisibility, tVersionKind, tEdits, locale] = await Promise.all([
    listDeals(actor, dealListQuerySchema.parse({ titleId: title.id, limit: DEALS_SHOWN })),
    series ? seriesOf(actor, title.id) : Promise.resolve(null),
    getTranslations("catalogue"),
    getTranslations("catalogue.kinds"),
    getTranslations("catalogue.visibility"),
    getTranslations("catalogue.versionKinds"),
    getTranslations("edits.policy"),
    getLocale(),
  ]);
  const owner = title.studioId === actor.org.id;
  const subject = { role: actor.role, orgKind: actor.org.kind };
  const mayWrite = owner && can(subject, "catalogue.write");
  // A partner looking at a listed title: the three things it came to do, each prefilled.
  // Issue 17 point 3: a listed title leads on to its avails, a prefilled deal and an edit-rights request.
  const partnerPaths = partnerPathsFor(title, { orgId: actor.org.id, role: actor.role, orgKind: actor.org.kind });
  const name = displayTitle(named(title), locale);
  const others = alternateTitles(named(title), locale);
  const n = (value: number) => formatNumber(value, locale);
  const genreNames = title.genres.map((code) => {
    const genre = getGenre(code);
    return genre ? (locale === "zh" ? genre.name.zh : genre.name.en) : code;
  });

  const versions: VersionView[] = title.versions.map((v) => {
    const view = presentVersion(v);
    return {
      ...view,
      label: view.kind === "ORIGINAL" && view.name === "Original" ? tVersionKind("ORIGINAL") : view.name,
      territories: view.territories.map((code) => {
        const localized = territoryName(code);
        return { code, name: localized ? (locale === "zh" ? localized.zh : localized.en) : code };
      }),
    };
  });

  const seasons: SeasonView[] = (seasonRows ?? []).map((s) => ({
    ...presentSeason(s),
    episodes: s.episodes.map(presentEpisode),
  }));

  return (
    <>
      <PageHeader
        eyebrow={
          <span className="flex flex-wrap items-center gap-2">
            {owner ? (
              <Link href="/titles" className="hover:text-foreground hover:underline">
                {t("list.title")}
              </Link>
            ) : (
              <Link href="/catalogue" className="hover:text-foreground hover:underline">
                {t("marketplace.title")}
              </Link>
            )}
            <span aria-hidden>/</span>
            <Badge variant="outline">{tKind(title.kind)}</Badge>
            {owner ? <Badge variant={title.visibility === "LISTED" ? "teal" : "muted"}>{tVisibility(title.visibility)}</Badge> : null}
            {title.archivedAt ? <Badge variant="warning">{t("detail.archivedBadge")}</Badge> : null}
          </span>
        }
        title={name}
        description={others.length > 0 ? others.join(" · ") : undefined}
        actions={
          <>
            {partnerPaths.map((path) => {
              const Icon = PATH_ICONS[path.key];
              return (
                <Button key={path.key} asChild variant={path.key === "proposeDeal" ? "default" : "outline"}>
                  <Link href={path.href}>
                    <Icon aria-hidden />
                    {t(`detail.${path.key}`)}
                  </Link>
                </Button>
              );
            })}
            <Button asChild variant="outline">
              <Link href={`/titles/${title.id}/edit-policy`}>
                <FileSliders aria-hidden />
                {tEdits("link")}
              </Link>
            </Button>
            <Button asChild variant="outline">
              <Link href={`/titles/${title.id}/rights`}>
                <ShieldCheck aria-hidden />
                {t("detail.rightsHeld")}
              </Link>
            </Button>
            {mayWrite ? (
              <>
                <ArchiveTitleButton
                  titleId={title.id}
                  name={name}
                  archived={title.archivedAt !== null}
                  lockVersion={title.lockVersion}
                  archiveAction={setTitleArchivedAction}
                />
                <Button asChild>
                  <Link href={`/titles/${title.id}/edit`}>
                    <Pencil aria-hidden />
                    {t("detail.edit")}
                  </Link>
                </Button>
              </>
            ) : null}
          </>
        }
      />

      {title.archivedAt ? (
        <Alert variant="warning" className="mb-6">
          <AlertDescription>{t("detail.archivedNotice")}</AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <div className="flex flex-col gap-3">
          <Poster
            url={posterUrl(title)}
            title={name}
            kind={title.kind}
            alt={t("poster.alt", { title: name })}
            size="large"
            className="max-w-56 shadow-sm"
          />
          {mayWrite ? <PosterUpload titleId={title.id} hasPoster={title.posterFile !== null} /> : null}
        </div>

        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("detail.facts")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2 xl:grid-cols-3">
                <Fact label={t("detail.originalTitle")}>{title.originalTitle}</Fact>
                <Fact label={t("detail.titleEn")}>{title.titleEn ?? <Missing text={t("detail.none")} />}</Fact>
                <Fact label={t("detail.titleZh")}>{title.titleZh ?? <Missing text={t("detail.none")} />}</Fact>
                <Fact label={t("detail.originalLanguage")}>
                  {languageLabel(title.originalLanguage, locale)}{" "}
                  <span className="font-mono text-xs text-muted-foreground">{title.originalLanguage}</span>
                </Fact>
                <Fact label={t("detail.year")}>{title.year}</Fact>
                <Fact label={t("detail.genres")}>{genreNames.length ? genreNames.join(", ") : <Missing text={t("detail.none")} />}</Fact>
                {hasRuntime(title.kind) ? (
                  <Fact label={t("detail.runtime")}>
                    {title.runtimeMinutes ? t("detail.minutes", { minutes: n(title.runtimeMinutes) }) : <Missing text={t("detail.none")} />}
                  </Fact>
                ) : null}
                {hasEpisodes(title.kind) ? (
                  <Fact label={t("detail.episodes")}>
                    {title.episodeCount ? n(title.episodeCount) : <Missing text={t("detail.none")} />}
                  </Fact>
                ) : null}
                <Fact label={t("detail.eidr")}>
                  {title.eidr ? (
                    <span className="flex items-center gap-1">
                      <span className="font-mono text-xs break-all">{title.eidr}</span>
                      <CopyButton value={title.eidr} label={t("detail.copyEidr")} iconOnly variant="ghost" size="icon-sm" />
                    </span>
                  ) : (
                    <Missing text={t("detail.none")} />
                  )}
                </Fact>
                <Fact label={t("detail.studio")}>
                  <span className="flex flex-wrap items-center gap-2">
                    {title.studio.name}
                    <OrgKindBadge kind="STUDIO" />
                  </span>
                </Fact>
                {owner ? <Fact label={t("detail.visibility")}>{tVisibility(title.visibility)}</Fact> : null}
                <Fact label={t("detail.updated")}>{formatDateTime(title.updatedAt, locale)}</Fact>
              </dl>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t("detail.synopsis")}</CardTitle>
            </CardHeader>
            <CardContent>
              {title.synopsis ? (
                <p className="text-sm leading-relaxed whitespace-pre-line">{title.synopsis}</p>
              ) : (
                <p className="text-sm text-muted-foreground">{t("detail.noSynopsis")}</p>
              )}
            </CardContent>
          </Card>

          <Card data-testid="title-deals">
            <CardHeader>
              <CardTitle>{t("detail.deals")}</CardTitle>
            </CardHeader>
            <CardContent>
              {deals.items.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("detail.noDeals")}</p>
              ) : (
                <ul className="grid gap-3 text-sm">
                  {deals.items.map((d) => (
                    <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <Link href={`/deals/${d.id}`} className="font-medium hover:text-primary hover:underline">
                        {d.name}
                      </Link>
                      <DealStatusBadge status={d.status} />
                      <span className="text-muted-foreground">{(d.licensorId === actor.org.id ? d.licensee : d.licensor).name}</span>
                      {d.window ? (
                        <span className="text-muted-foreground tabular-nums">
                          {formatDate(d.window.start, locale)} – {formatDate(d.window.end, locale)}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              {deals.nextCursor ? (
                <Button asChild variant="link" size="sm" className="mt-2 px-0">
                  <Link href={`/deals?titleId=${title.id}`}>{t("detail.allDeals")}</Link>
                </Button>
              ) : null}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t("detail.awards")}</CardTitle>
            </CardHeader>
            <CardContent>
              {title.awards.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("detail.noAwards")}</p>
              ) : (
                <ul className="grid gap-3 text-sm">
                  {title.awards.map((award) => (
                    <li key={award.id} className="flex items-start gap-3">
                      <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-warning/15 text-warning-foreground">
                        <Award className="size-3.5" aria-hidden />
                      </span>
                      <span className="flex flex-col">
                        <span className="font-medium">{award.award}</span>
                        <span className="text-muted-foreground">
                          {[award.festival, award.section, String(award.year)].filter(Boolean).join(" · ")}
                        </span>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
      </div>

      {series ? (
        <div className="mt-10">
          <SeasonsSection
            seasons={seasons}
            editing={mayWrite ? { titleId: title.id, createSeasonAction, createEpisodeAction } : undefined}
          />
        </div>
      ) : null}

      <div className="mt-10">
        <VersionsSection
          versions={versions}
          editing={
            mayWrite
              ? {
                  titleId: title.id,
                  territories: listTerritories().map((item) => ({
                    code: item.code,
                    type: item.type,
                    name: { en: item.name.en, zh: item.name.zh },
                  })),
                  suggestedLanguages: SUGGESTED_LANGUAGE_TAGS,
                  createVersionAction,
                  updateVersionAction,
                  createMarketTestAction,
                }
              : undefined
          }
        />
      </div>
    </>
  );
}

function Fact({ label, children }: { label: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

function Missing({ text }: { text: string }) {
  return <span className="text-muted-foreground">{text}</span>;
}
