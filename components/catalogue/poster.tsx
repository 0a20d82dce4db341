import type { TitleKind } from "@/lib/catalogue/schema";
import { cn, initials } from "@/lib/utils";
import { KIND_ICON } from "./title-display";

/** Each kind gets its own colours, so fallback artwork tells films from games at a glance. */
const ARTWORK: Record<TitleKind, string> = {
  FILM: "from-[oklch(0.42_0.15_274)] to-[oklch(0.28_0.1_290)]",
  SERIES: "from-[oklch(0.55_0.11_185)] to-[oklch(0.35_0.08_215)]",
  ANIMATION: "from-[oklch(0.68_0.15_55)] to-[oklch(0.5_0.17_25)]",
  GAME: "from-[oklch(0.5_0.18_340)] to-[oklch(0.32_0.14_300)]",
  FORMAT: "from-[oklch(0.56_0.13_150)] to-[oklch(0.36_0.09_180)]",
  MUSIC: "from-[oklch(0.55_0.17_15)] to-[oklch(0.33_0.12_350)]",
  PUBLISHING: "from-[oklch(0.5_0.06_60)] to-[oklch(0.3_0.04_40)]",
};

export type PosterProps = {
  url: string | null;
  /** The title as shown; used for the alt text and the fallback's initials. */
  title: string;
  kind: TitleKind;
  /** Accessible description of the image, e.g. "Poster of …"; empty for decorative thumbnails. */
  alt: string;
  size?: "thumb" | "card" | "large";
  className?: string;
};

/**
 * A title's poster (2:3), or generated artwork with the title's initials and kind when it has none.
 * A plain <img>: posters come from the authenticated API, which the Next image optimiser cannot call.
 */
export function Poster({ url, title, kind, alt, size = "card", className }: PosterProps) {
  const Icon = KIND_ICON[kind];
  const box = cn(
    "relative aspect-[2/3] shrink-0 overflow-hidden bg-muted",
    size === "thumb" ? "w-9 rounded-[5px]" : "w-full rounded-lg",
    className,
  );
  if (url)
    return (
      <div className={box}>
        {/* biome-ignore lint/performance/noImgElement: authenticated API image, not optimisable */}
        <img src={url} alt={alt} loading="lazy" decoding="async" className="absolute inset-0 size-full object-cover" />
      </div>
    );
  const artwork = (
    <>
      <span aria-hidden className="absolute inset-0 bg-[radial-gradient(circle_at_30%_20%,oklch(1_0_0/0.18),transparent_60%)]" />
      {size === "thumb" ? (
        <span aria-hidden className="absolute inset-0 flex items-center justify-center text-[10px] font-semibold">
          {initials(title)}
        </span>
      ) : (
        <span aria-hidden className="absolute inset-0 flex flex-col items-center justify-center gap-2 p-3 text-center">
          <Icon className={size === "large" ? "size-8 opacity-80" : "size-6 opacity-80"} />
          <span className={cn("font-semibold tracking-tight", size === "large" ? "text-4xl" : "text-2xl")}>{initials(title)}</span>
          <span className="line-clamp-2 text-xs font-medium opacity-85">{title}</span>
        </span>
      )}
    </>
  );
  const classes = cn(box, "bg-gradient-to-br text-white", ARTWORK[kind]);
  return alt ? (
    <div className={classes} role="img" aria-label={alt}>
      {artwork}
    </div>
  ) : (
    <div className={classes} aria-hidden>
      {artwork}
    </div>
  );
}
