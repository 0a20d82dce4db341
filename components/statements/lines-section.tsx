"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useFormat } from "@/lib/i18n/use-format";
import type { MoneyView } from "@/lib/statements/explain";
import type { RevenueType } from "@/lib/statements/schema";

export type LineView = {
  position: number;
  title: string;
  territory: string;
  mediaRight: string;
  revenueType: RevenueType;
  gross: MoneyView;
};
export type SumRow = { key: string; label: string; lines: number; gross: MoneyView };
export type LineSums = { title: SumRow[]; territory: SumRow[]; mediaRight: SumRow[]; revenueType: SumRow[] };

/**
 * A statement's revenue lines, a page at a time (a statement may hold 200,000), and their sums by
 * title, country, media right and revenue type over all the lines.
 */
export function LinesSection({
  lines,
  total,
  from,
  pageSize,
  hrefFor,
  sums,
  gross,
}: {
  lines: LineView[];
  total: number;
  from: number;
  pageSize: number;
  /** Link to the page starting at a line position (keeps the rest of the URL). */
  hrefFor: Record<"previous" | "next", string | null>;
  sums: LineSums;
  gross: MoneyView;
}) {
  const t = useTranslations("statements.lines");
  const tType = useTranslations("statements.revenueType");
  const f = useFormat();
  const dims = [
    ["title", t("by.title")],
    ["territory", t("by.territory")],
    ["mediaRight", t("by.mediaRight")],
    ["revenueType", t("by.revenueType")],
  ] as const;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title", { count: total })}</CardTitle>
        <CardDescription>{t("description", { gross: f.money(gross) })}</CardDescription>
      </CardHeader>
      <CardContent>
        <Tabs defaultValue="lines">
          <TabsList>
            <TabsTrigger value="lines">{t("tabs.lines")}</TabsTrigger>
            {dims.map(([key, label]) => (
              <TabsTrigger key={key} value={key}>
                {label}
              </TabsTrigger>
            ))}
          </TabsList>
          <TabsContent value="lines" className="grid gap-3">
            <div className="overflow-x-auto rounded-lg border">
              <Table aria-label={t("tabs.lines")}>
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
                    <TableHead className="w-12">#</TableHead>
                    <TableHead>{t("columns.title")}</TableHead>
                    <TableHead>{t("columns.country")}</TableHead>
                    <TableHead>{t("columns.media")}</TableHead>
                    <TableHead>{t("columns.revenueType")}</TableHead>
                    <TableHead className="text-right">{t("columns.gross")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {lines.map((l) => (
                    <TableRow key={l.position}>
                      <TableCell className="text-muted-foreground tabular-nums">{f.number(l.position + 1)}</TableCell>
                      <TableCell className="font-medium">{l.title}</TableCell>
                      <TableCell>{l.territory}</TableCell>
                      <TableCell>{l.mediaRight}</TableCell>
                      <TableCell>{tType(l.revenueType)}</TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">{f.money(l.gross)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
              <span>
                {t("showing", {
                  from: f.number(lines.length === 0 ? 0 : from + 1),
                  to: f.number(from + lines.length),
                  total: f.number(total),
                })}
              </span>
              <span className="flex gap-2">
                {hrefFor.previous ? (
                  <Button asChild variant="outline" size="sm">
                    <Link href={hrefFor.previous} scroll={false}>
                      {t("previous", { count: pageSize })}
                    </Link>
                  </Button>
                ) : null}
                {hrefFor.next ? (
                  <Button asChild variant="outline" size="sm">
                    <Link href={hrefFor.next} scroll={false}>
                      {t("next", { count: pageSize })}
                    </Link>
                  </Button>
                ) : null}
              </span>
            </div>
          </TabsContent>
          {dims.map(([key, label]) => (
            <TabsContent key={key} value={key}>
              <div className="overflow-x-auto rounded-lg border">
                <Table aria-label={label}>
                  <TableHeader>
                    <TableRow className="hover:bg-transparent">
                      <TableHead>{label}</TableHead>
                      <TableHead className="text-right">{t("columns.lines")}</TableHead>
                      <TableHead className="text-right">{t("columns.gross")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {sums[key].map((row) => (
                      <TableRow key={row.key}>
                        <TableCell className="font-medium">{key === "revenueType" ? tType(row.key as RevenueType) : row.label}</TableCell>
                        <TableCell className="text-right tabular-nums">{f.number(row.lines)}</TableCell>
                        <TableCell className="text-right whitespace-nowrap tabular-nums">{f.money(row.gross)}</TableCell>
                      </TableRow>
                    ))}
                    <TableRow className="hover:bg-transparent">
                      <TableCell className="font-semibold">{t("total")}</TableCell>
                      <TableCell className="text-right font-semibold tabular-nums">{f.number(total)}</TableCell>
                      <TableCell className="text-right font-semibold whitespace-nowrap tabular-nums">{f.money(gross)}</TableCell>
                    </TableRow>
                  </TableBody>
                </Table>
              </div>
            </TabsContent>
          ))}
        </Tabs>
      </CardContent>
    </Card>
  );
}
