"use client";

import { Download, FileSpreadsheet, Grid3x3, List, MousePointerClick } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useFormat } from "@/lib/i18n/use-format";
import { cn } from "@/lib/utils";
import { CELL_COLOUR, HeatMapGrid } from "./heat-map";
import {
  type AvailItem,
  type AvailStatus,
  type AvailsGrid,
  type AvailsMatrix,
  availsCsv,
  type Blocker,
  type CellClass,
  type CellCounts,
  gridClasses,
  leavesOf,
  matrixOf,
  STATUS_OF,
  type StatusChar,
} from "./matrix";

const LIST_PAGE = 100;
/** A pointer resting this long on a cell loads its detail (passing over cells loads nothing). */
const HOVER_DELAY_MS = 120;

async function fetchItems(search: string): Promise<AvailItem[]> {
  const res = await fetch(`/api/v1/avails?${search}`, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`avails answered ${res.status}`);
  return ((await res.json()) as { items: AvailItem[] }).items;
}

/** The whole answer (every title's statuses and blockers), fetched once when the list or the CSV needs it. */
function useFullMatrix(grid: AvailsGrid, apiSearch: string) {
  const [state, setState] = useState<{ matrix?: AvailsMatrix; failed?: boolean; loading?: boolean }>({});
  const pending = useRef<Promise<AvailsMatrix> | null>(null);
  const load = useCallback(() => {
    pending.current ??= fetchItems(apiSearch).then((items) => matrixOf(grid, items));
    setState((s) => (s.matrix ? s : { loading: true }));
    pending.current.then(
      (matrix) => setState({ matrix }),
      () => {
        pending.current = null;
        setState({ failed: true });
      },
    );
    return pending.current;
  }, [grid, apiSearch]);
  return { ...state, load };
}

/** One cell's answer for every title, fetched when the cell is shown and kept. */
function useCellItems(grid: AvailsGrid, apiSearch: string, index: number | null) {
  const leaves = useMemo(() => leavesOf(grid.media), [grid.media]);
  const cache = useRef(new Map<number, AvailItem[]>());
  const [loaded, setLoaded] = useState<{ index: number; items?: AvailItem[]; failed?: boolean } | null>(null);
  useEffect(() => {
    if (index === null) return;
    const known = cache.current.get(index);
    if (known) {
      setLoaded({ index, items: known });
      return;
    }
    const row = grid.rows[Math.floor(index / leaves.length)];
    const leaf = leaves[index % leaves.length];
    if (!row || !leaf) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      const qs = new URLSearchParams(apiSearch);
      qs.set("territories", row.code);
      qs.set("mediaRights", leaf.code);
      fetchItems(qs.toString()).then(
        (items) => {
          const mine = items.filter((i) => i.territory === row.code && i.mediaRight === leaf.code);
          cache.current.set(index, mine);
          if (!cancelled) setLoaded({ index, items: mine });
        },
        () => {
          if (!cancelled) setLoaded({ index, failed: true });
        },
      );
    }, HOVER_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [grid.rows, leaves, apiSearch, index]);
  return loaded && loaded.index === index ? loaded : null;
}

/**
 * The avails answer: a heat-map (or a list) of countries × media, a legend with counts, the cell
 * under the pointer (or the chosen one) explained beside it, and exports (CSV of what is shown,
 * and the EMA Avails workbook from the API). The page sends the grid only; what a cell holds per
 * title, the list and the CSV come from /api/v1/avails when asked.
 */
export function AvailsView({
  grid,
  apiSearch,
  emaHref,
  csvName,
}: {
  grid: AvailsGrid;
  apiSearch: string;
  emaHref: string;
  csvName: string;
}) {
  const t = useTranslations("deals.avails");
  const tStatus = useTranslations("deals.avails.status");
  const leaves = useMemo(() => leavesOf(grid.media), [grid.media]);
  const width = leaves.length;
  const cells = grid.rows.length * width;
  const single = grid.titles.length === 1;
  const classes = useMemo(() => gridClasses(grid), [grid]);
  const totals = useMemo(() => {
    const out: Record<CellClass, number> = { AVAILABLE: 0, PARTIAL: 0, BLOCKED: 0, NOT_HELD: 0 };
    for (const c of classes) out[c]++;
    return out;
  }, [classes]);
  const full = useFullMatrix(grid, apiSearch);
  const [tab, setTab] = useState("map");

  const [hover, setHover] = useState<number | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const shown = picked ?? hover;
  const gridRef = useRef<HTMLDivElement>(null);

  const cellAt = useCallback((target: EventTarget | null) => {
    const i = target instanceof HTMLElement ? target.dataset.i : undefined;
    return i === undefined ? null : Number(i);
  }, []);

  function onKeyDown(event: React.KeyboardEvent) {
    const current = picked ?? 0;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: width, ArrowUp: -width };
    const move = moves[event.key];
    if (move === undefined) {
      if (event.key === "Escape") setPicked(null);
      return;
    }
    event.preventDefault();
    const next = picked === null ? 0 : current + move;
    if (next < 0 || next >= cells) return;
    setPicked(next);
    gridRef.current?.querySelector(`[data-i="${next}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  async function exportCsv() {
    const matrix = full.matrix ?? (await full.load().catch(() => undefined));
    if (!matrix) return;
    const csv = availsCsv(
      matrix,
      [
        t("csv.titleId"),
        t("csv.title"),
        t("csv.territory"),
        t("csv.country"),
        t("csv.mediaRight"),
        t("csv.media"),
        t("csv.status"),
        t("csv.statusLabel"),
        t("csv.blocking"),
      ],
      (s) => tStatus(s),
    );
    // toCsv starts with a BOM, so spreadsheet programs read the Chinese names as UTF-8.
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = csvName;
    a.click();
    URL.revokeObjectURL(url);
  }

  const legend: { key: CellClass; label: string }[] = single
    ? [
        { key: "AVAILABLE", label: tStatus("AVAILABLE") },
        { key: "BLOCKED", label: tStatus("BLOCKED") },
        { key: "NOT_HELD", label: tStatus("NOT_HELD") },
      ]
    : [
        { key: "AVAILABLE", label: t("legend.allTitles") },
        { key: "PARTIAL", label: t("legend.someTitles") },
        { key: "BLOCKED", label: t("legend.blocked") },
        { key: "NOT_HELD", label: t("legend.notHeld") },
      ];

  const { load } = full;
  useEffect(() => {
    if (tab === "list") void load().catch(() => undefined);
  }, [tab, load]);

  return (
    <Tabs value={tab} onValueChange={setTab} className="gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <TabsList className="w-auto border-b-0">
          <TabsTrigger value="map">
            <Grid3x3 aria-hidden />
            {t("heatMap")}
          </TabsTrigger>
          <TabsTrigger value="list">
            <List aria-hidden />
            {t("list")}
          </TabsTrigger>
        </TabsList>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" size="sm" onClick={() => void exportCsv()} disabled={full.loading}>
            <Download aria-hidden />
            {t("exportCsv")}
          </Button>
          <Button asChild variant="outline" size="sm">
            <a href={emaHref} download>
              <FileSpreadsheet aria-hidden />
              {t("exportEma")}
            </a>
          </Button>
        </div>
      </div>

      <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm" aria-label={t("legend.label")} data-testid="avails-legend">
        {legend.map((l) => (
          <li key={l.key} className="flex items-center gap-2" data-legend={l.key}>
            <span className={cn("size-3.5 rounded-[3px]", CELL_COLOUR[l.key])} aria-hidden />
            <span>{l.label}</span>
            <span className="font-semibold tabular-nums" data-count>
              {totals[l.key]}
            </span>
          </li>
        ))}
        <li className="text-muted-foreground">{t("legend.cells", { cells, titles: grid.titles.length })}</li>
      </ul>

      <TabsContent value="map">
        <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
          {/* One keyboard stop for the whole grid (arrows move the chosen cell); the list view is the tabular alternative. */}
          {/* biome-ignore lint/a11y/useKeyWithMouseEvents: hover only previews; the keyboard chooses cells with the arrows. */}
          <div
            ref={gridRef}
            role="application"
            aria-label={t("heatMapLabel")}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: see above, the grid is operated with the arrow keys.
            tabIndex={0}
            onKeyDown={onKeyDown}
            onMouseOver={(e) => setHover(cellAt(e.target))}
            onMouseLeave={() => setHover(null)}
            onClick={(e) => {
              const i = cellAt(e.target);
              if (i !== null) setPicked((p) => (p === i ? null : i));
            }}
            className="max-h-[72vh] overflow-auto rounded-xl border bg-card shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring/40"
            aria-describedby="avails-hint"
            data-testid="avails-heatmap"
          >
            {picked !== null ? (
              <style>{`[data-testid="avails-heatmap"] [data-i="${picked}"]{outline:2px solid var(--color-foreground);outline-offset:1px}`}</style>
            ) : null}
            <HeatMapGrid rows={grid.rows} groups={grid.groups} media={grid.media} classes={classes} />
          </div>
          <div className="xl:sticky xl:top-4 xl:self-start">
            <CellDetail grid={grid} apiSearch={apiSearch} index={shown} pinned={picked !== null} />
            <p id="avails-hint" className="mt-2 text-xs text-muted-foreground">
              {t("hint")}
            </p>
          </div>
        </div>
      </TabsContent>
      <TabsContent value="list">
        {full.matrix ? (
          <AvailsList matrix={full.matrix} />
        ) : (
          <p className="rounded-xl border border-dashed p-6 text-center text-sm text-muted-foreground" aria-live="polite">
            {full.failed ? t("detail.failed") : t("detail.loading")}
          </p>
        )}
      </TabsContent>
    </Tabs>
  );
}

function StatusBadge({ status }: { status: AvailStatus }) {
  const t = useTranslations("deals.avails.status");
  const variant = status === "AVAILABLE" ? "success" : status === "BLOCKED" ? "destructive" : "muted";
  return (
    <Badge variant={variant} data-status={status}>
      {t(status)}
    </Badge>
  );
}

function CellDetail({ grid, apiSearch, index, pinned }: { grid: AvailsGrid; apiSearch: string; index: number | null; pinned: boolean }) {
  const t = useTranslations("deals.avails");
  const f = useFormat();
  const loaded = useCellItems(grid, apiSearch, index);
  if (index === null) {
    return (
      <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed p-6 text-center text-sm text-muted-foreground">
        <MousePointerClick className="size-5" aria-hidden />
        {t("detail.empty")}
      </div>
    );
  }
  const leaves = leavesOf(grid.media);
  const row = grid.rows[Math.floor(index / leaves.length)];
  const leaf = leaves[index % leaves.length];
  const parent = grid.media.find((p) => p.leaves.some((l) => l.code === leaf?.code));
  const byTitle = new Map((loaded?.items ?? []).map((i) => [i.titleId, i]));
  const perTitle = grid.titles.map((title) => {
    const item = byTitle.get(title.id);
    return { title, status: item?.status ?? ("NOT_HELD" as AvailStatus), blockers: item?.blockers ?? ([] as Blocker[]) };
  });
  const counts: CellCounts = { A: 0, B: 0, N: 0 };
  for (const p of perTitle) counts[p.status === "AVAILABLE" ? "A" : p.status === "BLOCKED" ? "B" : "N"]++;
  const matrix = { deals: grid.deals };
  const header = (
    <div className="grid gap-0.5">
      <p className="font-semibold">
        {row?.name} <span className="font-mono text-xs text-muted-foreground">{row?.code}</span>
      </p>
      <p className="text-muted-foreground">
        {parent && parent.code !== leaf?.code ? `${parent.name} › ` : ""}
        {leaf?.name}
      </p>
      {pinned ? <p className="text-xs text-muted-foreground">{t("detail.pinned")}</p> : null}
    </div>
  );
  if (!loaded?.items) {
    return (
      <div className="grid gap-3 rounded-xl border bg-card p-4 text-sm shadow-xs" aria-live="polite" data-testid="avails-cell-detail">
        {header}
        <p className="text-muted-foreground">{loaded?.failed ? t("detail.failed") : t("detail.loading")}</p>
      </div>
    );
  }
  const single = grid.titles.length === 1;
  const interesting = perTitle.filter((p) => single || p.status !== "AVAILABLE" || p.blockers.length > 0);

  return (
    <div className="grid gap-3 rounded-xl border bg-card p-4 text-sm shadow-xs" aria-live="polite" data-testid="avails-cell-detail">
      {header}
      {single ? null : (
        <dl className="grid grid-cols-3 gap-2 text-center">
          {(["A", "B", "N"] as const).map((k) => (
            <div key={k} className="rounded-md bg-muted/60 p-2">
              <dt className="text-[11px] text-muted-foreground">{t(`status.${STATUS_OF[k]}`)}</dt>
              <dd className="text-base font-semibold tabular-nums">{counts[k]}</dd>
            </div>
          ))}
        </dl>
      )}
      {!single && interesting.length === 0 ? <p className="text-muted-foreground">{t("detail.allAvailable")}</p> : null}
      <ul className="grid max-h-96 gap-2 overflow-y-auto">
        {interesting.map(({ title, status, blockers }) => (
          <li key={title.id} className="grid gap-1.5 border-t pt-2 first:border-t-0 first:pt-0">
            <div className="flex items-start justify-between gap-2">
              <span className="min-w-0">
                <span className="block truncate font-medium">{title.name}</span>
                {title.original !== title.name ? (
                  <span className="block truncate text-xs text-muted-foreground">{title.original}</span>
                ) : null}
              </span>
              <StatusBadge status={status} />
            </div>
            {status === "BLOCKED" && blockers.length === 0 ? (
              <p className="text-xs text-muted-foreground">{t("detail.blockedHidden")}</p>
            ) : null}
            {status === "NOT_HELD" ? <p className="text-xs text-muted-foreground">{t("detail.notHeld")}</p> : null}
            {blockers.length > 0 ? (
              <ul className="grid gap-1">
                {blockers.map((b) => (
                  <li key={`${b.grantId}-${b.start}-${b.holdback}`} className="rounded-md bg-red-50 px-2 py-1.5 text-xs">
                    <Link href={`/deals/${b.dealId}`} className="font-medium text-primary hover:underline">
                      {matrix.deals[b.dealId] ?? t("detail.deal")}
                    </Link>
                    <span className="block text-muted-foreground">
                      {t("detail.window", { start: f.date(b.start), end: f.date(b.end) })} ·{" "}
                      {b.holdback ? t("detail.holdback") : b.exclusive ? t("detail.exclusive") : t("detail.nonExclusive")}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every answered cell as a row, filterable by status, a page at a time. */
function AvailsList({ matrix }: { matrix: AvailsMatrix }) {
  const t = useTranslations("deals.avails");
  const f = useFormat();
  const [filter, setFilter] = useState<AvailStatus | "ALL">("ALL");
  const [limit, setLimit] = useState(LIST_PAGE);
  const leaves = useMemo(() => leavesOf(matrix.media), [matrix.media]);
  const single = matrix.titles.length === 1;
  const rows = useMemo(() => {
    const out: { key: string; t: number; r: number; c: number; status: AvailStatus }[] = [];
    matrix.titles.forEach((_, ti) => {
      const s = matrix.statuses[ti] ?? "";
      for (let i = 0; i < s.length; i++) {
        const status = STATUS_OF[s[i] as StatusChar];
        if (filter === "ALL" || filter === status)
          out.push({ key: `${ti}:${i}`, t: ti, r: Math.floor(i / leaves.length), c: i % leaves.length, status });
      }
    });
    return out;
  }, [matrix, leaves.length, filter]);

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2" role="radiogroup" aria-label={t("listFilter")}>
        {(["ALL", "AVAILABLE", "BLOCKED", "NOT_HELD"] as const).map((s) => (
          <Button
            key={s}
            type="button"
            role="radio"
            aria-checked={filter === s}
            variant={filter === s ? "secondary" : "ghost"}
            size="sm"
            onClick={() => {
              setFilter(s);
              setLimit(LIST_PAGE);
            }}
          >
            {s === "ALL" ? t("allStatuses") : t(`status.${s}`)}
          </Button>
        ))}
        <span className="text-xs text-muted-foreground">{t("rowCount", { count: rows.length })}</span>
      </div>
      <div className="overflow-hidden rounded-xl border bg-card shadow-xs">
        <Table aria-label={t("list")}>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              {single ? null : <TableHead>{t("columns.title")}</TableHead>}
              <TableHead>{t("columns.country")}</TableHead>
              <TableHead>{t("columns.media")}</TableHead>
              <TableHead>{t("columns.status")}</TableHead>
              <TableHead>{t("columns.blocking")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.slice(0, limit).map((row) => {
              const title = matrix.titles[row.t]!;
              const country = matrix.rows[row.r]!;
              const leaf = leaves[row.c]!;
              const blockers = matrix.blockers[row.key] ?? [];
              return (
                <TableRow key={row.key}>
                  {single ? null : <TableCell className="max-w-56 truncate">{title.name}</TableCell>}
                  <TableCell>
                    {country.name} <span className="font-mono text-[11px] text-muted-foreground">{country.code}</span>
                  </TableCell>
                  <TableCell>{leaf.name}</TableCell>
                  <TableCell>
                    <StatusBadge status={row.status} />
                  </TableCell>
                  <TableCell className="text-xs">
                    {blockers.length === 0
                      ? "—"
                      : blockers.map((b) => (
                          <span key={`${b.grantId}-${b.start}`} className="block">
                            <Link href={`/deals/${b.dealId}`} className="text-primary hover:underline">
                              {matrix.deals[b.dealId] ?? t("detail.deal")}
                            </Link>{" "}
                            <span className="text-muted-foreground">
                              {t("detail.window", { start: f.date(b.start), end: f.date(b.end) })}
                            </span>
                          </span>
                        ))}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {rows.length > limit ? (
          <div className="flex justify-center border-t px-5 py-3">
            <Button variant="outline" size="sm" onClick={() => setLimit((l) => l + LIST_PAGE * 5)}>
              {t("showMore", { count: Math.min(LIST_PAGE * 5, rows.length - limit) })}
            </Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
