"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { SimpleSelect } from "@/components/forms/select-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { useFormat } from "@/lib/i18n/use-format";
import { cn } from "@/lib/utils";
import { useListNavigation } from "./list-navigation";

export type CursorPagerProps = {
  /** Matching records in all pages. */
  total: number;
  /** Rows on this page. */
  count: number;
  pageSize: number;
  nextCursor: string | null;
  /** Page sizes offered; none hides the selector. */
  pageSizes?: number[];
  className?: string;
};

/** "51–100 of 20,000", previous/next over keyset cursors, and the page size. */
export function CursorPager({ total, count, pageSize, nextCursor, pageSizes, className }: CursorPagerProps) {
  const t = useTranslations("catalogue.pager");
  const f = useFormat();
  const nav = useListNavigation();
  const hydrated = useHydrated();
  const sizeId = useId();
  const from = count === 0 ? 0 : (nav.page - 1) * pageSize + 1;
  const to = count === 0 ? 0 : from + count - 1;
  const backToFirst = nav.page > 1 && !nav.canGoBack;

  return (
    <nav aria-label={t("label")} className={cn("flex flex-wrap items-center justify-between gap-3 text-sm", className)}>
      <fieldset disabled={!hydrated} className="contents">
        <p className="text-muted-foreground tabular-nums" data-testid="pager-status">
          {count === 0 ? t("none") : t("showing", { from: f.number(from), to: f.number(to), total: f.number(total) })}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          {pageSizes && pageSizes.length > 0 ? (
            <div className="flex items-center gap-2">
              <Label htmlFor={sizeId} className="font-normal text-muted-foreground">
                {t("pageSize")}
              </Label>
              <SimpleSelect
                id={sizeId}
                className="h-8 w-20"
                value={String(pageSize)}
                onValueChange={(v) => nav.update({ limit: v })}
                options={pageSizes.map((size) => ({ value: String(size), label: f.number(size) }))}
              />
            </div>
          ) : null}
          {backToFirst ? (
            <Button variant="outline" size="sm" onClick={nav.first} disabled={nav.pending}>
              <ChevronsLeft aria-hidden />
              {t("first")}
            </Button>
          ) : (
            <Button variant="outline" size="sm" onClick={nav.previous} disabled={nav.pending || nav.page <= 1}>
              <ChevronLeft aria-hidden />
              {t("previous")}
            </Button>
          )}
          <Button variant="outline" size="sm" onClick={() => nextCursor && nav.next(nextCursor)} disabled={nav.pending || !nextCursor}>
            {t("next")}
            <ChevronRight aria-hidden />
          </Button>
        </div>
      </fieldset>
    </nav>
  );
}
