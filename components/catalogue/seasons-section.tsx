import { Tv } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/common/empty-state";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActionResult } from "@/lib/actions/result";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { EpisodeDialog, ImportEpisodesButton, SeasonDialog } from "./season-dialogs";

type Named = { en: string; zh: string | null };
export type SeasonView = {
  id: string;
  number: number;
  titles: Named;
  releaseDate: string | null;
  eidr: string | null;
  episodes: { id: string; number: number; titles: Named; runtimeMinutes: number | null; releaseDate: string | null; eidr: string | null }[];
};

/** What the owning studio needs to add seasons and episodes; absent for readers. */
export type SeasonEditing = {
  titleId: string;
  createSeasonAction: (titleId: string, input: unknown) => Promise<ActionResult<{ id: string }>>;
  createEpisodeAction: (titleId: string, seasonId: string, input: unknown) => Promise<ActionResult<{ id: string }>>;
};

/** A series' seasons, each with its episodes; the owning studio adds seasons, episodes and imports episodes. */
export async function SeasonsSection({ seasons, editing }: { seasons: SeasonView[]; editing?: SeasonEditing }) {
  const [t, locale] = await Promise.all([getTranslations("catalogue.seasons"), getLocale()]);
  const name = (n: Named) => (locale === "zh" && n.zh ? n.zh : n.en);
  const next = (numbers: number[]) => (numbers.length ? Math.max(...numbers) + 1 : 1);

  return (
    <section aria-labelledby="seasons-heading" className="flex flex-col gap-4" data-testid="seasons">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="seasons-heading" className="text-base font-semibold">
            {t("title")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("description", { count: seasons.length })}</p>
        </div>
        {editing ? (
          <SeasonDialog
            titleId={editing.titleId}
            nextNumber={next(seasons.map((s) => s.number))}
            createAction={editing.createSeasonAction}
          />
        ) : null}
      </div>
      {seasons.length === 0 ? (
        <EmptyState icon={Tv} title={t("emptyTitle")} description={editing ? t("emptyOwner") : t("emptyReader")} />
      ) : (
        seasons.map((season) => (
          <Card key={season.id} data-testid={`season-${season.number}`}>
            <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
              <CardTitle className="flex flex-wrap items-center gap-2">
                <span>{t("seasonHeading", { number: season.number, name: name(season.titles) })}</span>
                <Badge variant="outline">{t("episodeCount", { count: season.episodes.length })}</Badge>
                {season.releaseDate ? (
                  <span className="text-xs font-normal text-muted-foreground">{formatDate(season.releaseDate, locale)}</span>
                ) : null}
                {season.eidr ? <span className="font-mono text-xs font-normal text-muted-foreground">{season.eidr}</span> : null}
              </CardTitle>
              {editing ? (
                <span className="flex flex-wrap gap-2">
                  <EpisodeDialog
                    titleId={editing.titleId}
                    seasonId={season.id}
                    seasonNumber={season.number}
                    nextNumber={next(season.episodes.map((e) => e.number))}
                    createAction={editing.createEpisodeAction}
                  />
                  <ImportEpisodesButton titleId={editing.titleId} seasonId={season.id} seasonNumber={season.number} />
                </span>
              ) : null}
            </CardHeader>
            <CardContent>
              {season.episodes.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("noEpisodes")}</p>
              ) : (
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead className="w-16">{t("columns.number")}</TableHead>
                      <TableHead>{t("columns.title")}</TableHead>
                      <TableHead>{t("columns.runtime")}</TableHead>
                      <TableHead>{t("columns.releaseDate")}</TableHead>
                      <TableHead>{t("columns.eidr")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {season.episodes.map((e) => (
                      <TableRow key={e.id}>
                        <TableCell className="tabular-nums">{e.number}</TableCell>
                        <TableCell>{name(e.titles)}</TableCell>
                        <TableCell className="tabular-nums">
                          {e.runtimeMinutes ? t("minutes", { minutes: formatNumber(e.runtimeMinutes, locale) }) : "—"}
                        </TableCell>
                        <TableCell>{e.releaseDate ? formatDate(e.releaseDate, locale) : "—"}</TableCell>
                        <TableCell className="font-mono text-xs">{e.eidr ?? "—"}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        ))
      )}
    </section>
  );
}
