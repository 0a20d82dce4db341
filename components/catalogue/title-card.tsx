import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import type { TitleKind } from "@/lib/catalogue/schema";
import { getGenre } from "@/lib/reference/genres";
import { Poster } from "./poster";
import { alternateTitles, displayTitle } from "./title-display";

export type TitleCardData = {
  id: string;
  kind: TitleKind;
  originalTitle: string;
  titles: { en: string | null; zh: string | null };
  genres: string[];
  year: number;
  posterUrl: string | null;
  studio: { name: string };
};

const SHOWN_GENRES = 3;

/** A marketplace card: poster (or artwork), title, year, kind, genres and the studio; links to the title. */
export function TitleCard({ title }: { title: TitleCardData }) {
  const t = useTranslations("catalogue");
  const locale = useLocale();
  const name = displayTitle(title, locale);
  const original = alternateTitles(title, locale)[0];
  const genres = title.genres.slice(0, SHOWN_GENRES).map((code) => {
    const genre = getGenre(code);
    return genre ? (locale === "zh" ? genre.name.zh : genre.name.en) : code;
  });
  return (
    <Link
      href={`/titles/${title.id}`}
      className="group flex flex-col gap-2.5 rounded-xl outline-none focus-visible:ring-3 focus-visible:ring-ring/30"
      data-testid="title-card"
    >
      <Poster
        url={title.posterUrl}
        title={name}
        kind={title.kind}
        alt=""
        className="shadow-xs ring-1 ring-border transition-transform duration-200 group-hover:-translate-y-0.5 group-hover:shadow-md"
      />
      <span className="flex min-w-0 flex-col gap-0.5 px-0.5">
        <span className="line-clamp-2 text-sm font-semibold leading-snug text-foreground group-hover:text-primary">{name}</span>
        {original ? <span className="truncate text-xs text-muted-foreground">{original}</span> : null}
        <span className="text-xs text-muted-foreground">
          {title.year} · {t(`kinds.${title.kind}`)}
        </span>
        {genres.length > 0 ? <span className="truncate text-xs text-muted-foreground">{genres.join(" · ")}</span> : null}
        <span className="truncate text-xs font-medium text-foreground/80">{title.studio.name}</span>
      </span>
    </Link>
  );
}
