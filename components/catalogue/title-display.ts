import { BookOpen, Clapperboard, Gamepad2, LayoutTemplate, type LucideIcon, Music, Sparkles, Tv } from "lucide-react";
import type { TitleKind } from "@/lib/catalogue/schema";

/**
 * How titles read in the UI, shared by server and client components: the title in the viewer's
 * language when the studio gave one, else the original title.
 */
export type NamedTitle = { originalTitle: string; titles: { en: string | null; zh: string | null } };

export function displayTitle(title: NamedTitle, locale: string): string {
  return (locale === "zh" ? title.titles.zh : title.titles.en) || title.originalTitle;
}

/** The other names worth showing under the display title (original first), without repeats. */
export function alternateTitles(title: NamedTitle, locale: string): string[] {
  const shown = displayTitle(title, locale);
  const names = [title.originalTitle, locale === "zh" ? title.titles.en : title.titles.zh];
  return [...new Set(names.filter((n): n is string => !!n && n !== shown))];
}

export const KIND_ICON: Record<TitleKind, LucideIcon> = {
  FILM: Clapperboard,
  SERIES: Tv,
  ANIMATION: Sparkles,
  GAME: Gamepad2,
  FORMAT: LayoutTemplate,
  MUSIC: Music,
  PUBLISHING: BookOpen,
};

/** Runtime makes sense for screen and audio works; episode counts for episodic ones. */
export function hasRuntime(kind: TitleKind | undefined): boolean {
  return kind !== "GAME" && kind !== "PUBLISHING";
}
export function hasEpisodes(kind: TitleKind | undefined): boolean {
  return kind === "SERIES" || kind === "ANIMATION" || kind === "FORMAT";
}
