"use client";

import { useLocale } from "next-intl";
import type * as React from "react";
import { memo, useSyncExternalStore } from "react";
import { cn } from "@/lib/utils";
import type { CellClass, MatrixGroup, MatrixMediaParent, MatrixRow } from "./matrix";

export const CELL_COLOUR: Record<CellClass, string> = {
  AVAILABLE: "bg-emerald-500",
  PARTIAL: "bg-emerald-200",
  BLOCKED: "bg-red-500",
  NOT_HELD: "bg-zinc-300",
};

const LABEL_WIDTH = 160;

/** "Subscription VOD (SVOD)" → "SVOD": the trade abbreviation, when the name carries one, fits a column. */
const shortName = (name: string) => /[(（]([A-Z]{2,6})[)）]\s*$/.exec(name)?.[1] ?? name;
const CELL = 28;

/**
 * The countries × media grid. Plain divs on one CSS grid, one class per cell and no per-cell
 * handlers or components, so 249 × 21 cells render fast; hover and clicks are delegated to the
 * container (cells carry their index in data-i). Memoised: selecting a cell does not re-render it.
 * The rows and cells are drawn in the browser only: the page carries the grid as one character
 * per cell instead of 5,000 server-rendered divs (most of its HTML before).
 */
const noSubscription = () => () => undefined;
export const HeatMapGrid = memo(function HeatMapGrid({
  rows,
  groups,
  media,
  classes,
}: {
  rows: MatrixRow[];
  groups: MatrixGroup[];
  media: MatrixMediaParent[];
  classes: CellClass[];
}) {
  // Latin labels read bottom-to-top; Chinese characters stay upright, read top-to-bottom.
  const upright = useLocale() === "zh";
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const leaves = media.flatMap((p) => p.leaves);
  const width = leaves.length;
  const groupName = new Map(groups.map((g) => [g.key, g.name]));
  const body: React.ReactNode[] = [];
  let lastGroup: string | null = null;
  (inBrowser ? rows : []).forEach((row, r) => {
    if (row.group !== lastGroup) {
      lastGroup = row.group;
      body.push(
        <div
          key={`g-${row.group}-${row.code}`}
          className="sticky left-0 col-span-full border-t bg-muted/60 px-2 py-1 text-[11px] font-semibold tracking-wide text-muted-foreground uppercase"
        >
          {groupName.get(row.group) || "—"}
        </div>,
      );
    }
    body.push(
      <div
        key={`r-${row.code}`}
        className="sticky left-0 z-10 flex items-center truncate border-r bg-card px-2 text-xs"
        data-row={r}
        title={row.name}
      >
        {row.name}
      </div>,
    );
    for (let c = 0; c < width; c++) {
      const i = r * width + c;
      body.push(
        <div
          key={`${row.code}-${leaves[c]!.code}`}
          data-i={i}
          data-country={row.code}
          data-media={leaves[c]!.code}
          data-status={classes[i]}
          className={cn("m-px rounded-[3px]", CELL_COLOUR[classes[i] ?? "NOT_HELD"])}
        />,
      );
    }
  });

  return (
    <div
      aria-hidden
      className="grid text-sm"
      style={{ gridTemplateColumns: `${LABEL_WIDTH}px repeat(${width}, ${CELL}px)`, gridTemplateRows: "30px 112px", gridAutoRows: "22px" }}
    >
      {/* Two header rows: parents spanning their leaves, then the leaves written vertically. */}
      <div className="sticky top-0 left-0 z-30 border-r border-b bg-card" style={{ gridRow: "1 / span 2" }} />
      {media.map((p) => (
        // A parent without children (Theatrical, Home video) is named by its leaf below.
        <div
          key={`p-${p.code}`}
          className="sticky top-0 z-20 flex items-center justify-center overflow-hidden border-b border-l bg-card px-0.5 text-center text-[10px] leading-tight font-semibold text-muted-foreground"
          style={{ gridColumn: `span ${p.leaves.length}` }}
          title={p.name}
        >
          {p.leaves.length === 1 && p.leaves[0]!.code === p.code ? "" : p.name}
        </div>
      ))}
      {leaves.map((l) => (
        <div
          key={`l-${l.code}`}
          className="sticky top-[30px] z-20 overflow-hidden border-b bg-card py-1.5 text-[11px] leading-[28px] whitespace-nowrap text-muted-foreground"
          style={{ writingMode: "vertical-rl", transform: upright ? undefined : "rotate(180deg)" }}
          title={l.name}
        >
          {shortName(l.name)}
        </div>
      ))}
      {body}
    </div>
  );
});
