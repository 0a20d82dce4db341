import { dateOnly } from "@/lib/dates";
import type { TitleDetail, TitleListRow } from "./queries";

/** API shapes of catalogue records: dates as ISO strings, calendar dates as YYYY-MM-DD. */

export function posterUrl(t: { id: string; posterFile: string | null; lockVersion: number }) {
  return t.posterFile ? `/api/v1/titles/${t.id}/poster?v=${t.lockVersion}` : null;
}

export function presentTitleSummary(t: TitleListRow) {
  return {
    id: t.id,
    studio: { id: t.studio.id, name: t.studio.name },
    kind: t.kind,
    originalTitle: t.originalTitle,
    titles: { en: t.titleEn, zh: t.titleZh },
    originalLanguage: t.originalLanguage,
    genres: t.genres,
    year: t.year,
    runtimeMinutes: t.runtimeMinutes,
    episodeCount: t.episodeCount,
    eidr: t.eidr,
    visibility: t.visibility,
    archived: t.archivedAt !== null,
    posterUrl: posterUrl(t),
    versionCount: t._count.versions,
    lockVersion: t.lockVersion,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

type VersionRow = TitleDetail["versions"][number];

export function presentVersion(v: VersionRow) {
  return {
    id: v.id,
    titleId: v.titleId,
    kind: v.kind,
    name: v.name,
    derivedFromId: v.derivedFromId,
    territories: v.territories,
    audioLanguages: v.audioLanguages,
    subtitleLanguages: v.subtitleLanguages,
    runtimeMinutes: v.runtimeMinutes,
    status: v.status,
    eidrEdit: v.eidrEdit,
    changes: v.changes.map((c) => ({ id: c.id, category: c.category, description: c.description })),
    marketTests: v.marketTests.map((m) => ({
      id: m.id,
      territory: m.territory,
      date: dateOnly(m.date),
      audienceSize: m.audienceSize,
      score: m.score,
      method: m.method,
      notes: m.notes,
    })),
    lockVersion: v.lockVersion,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

export function presentTitle(t: TitleDetail) {
  return {
    ...presentTitleSummary({ ...t, _count: { versions: t.versions.length } }),
    synopsis: t.synopsis,
    awards: t.awards.map((a) => ({ festival: a.festival, section: a.section, award: a.award, year: a.year })),
    versions: t.versions.map(presentVersion),
  };
}

type SeasonLike = {
  id: string;
  titleId: string;
  number: number;
  titleEn: string;
  titleZh: string | null;
  releaseDate: Date | null;
  eidr: string | null;
  createdAt: Date;
  _count: { episodes: number };
};
type EpisodeLike = {
  id: string;
  seasonId: string;
  number: number;
  titleEn: string;
  titleZh: string | null;
  runtimeMinutes: number | null;
  releaseDate: Date | null;
  eidr: string | null;
  createdAt: Date;
};

export function presentSeason(s: SeasonLike) {
  return {
    id: s.id,
    titleId: s.titleId,
    number: s.number,
    titles: { en: s.titleEn, zh: s.titleZh },
    releaseDate: s.releaseDate ? dateOnly(s.releaseDate) : null,
    eidr: s.eidr,
    episodeCount: s._count.episodes,
    createdAt: s.createdAt.toISOString(),
  };
}

export function presentEpisode(e: EpisodeLike) {
  return {
    id: e.id,
    seasonId: e.seasonId,
    number: e.number,
    titles: { en: e.titleEn, zh: e.titleZh },
    runtimeMinutes: e.runtimeMinutes,
    releaseDate: e.releaseDate ? dateOnly(e.releaseDate) : null,
    eidr: e.eidr,
    createdAt: e.createdAt.toISOString(),
  };
}
