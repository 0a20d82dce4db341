"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { toCsv } from "@/lib/files/csv";

type Cell = string | number | null;

/**
 * Downloads one table as CSV, built in the browser from the same exact figures the table shows
 * (amounts as decimal strings, never floats; UTF-8 with a BOM so spreadsheets read Chinese names).
 */
export function CsvButton({
  fileName,
  header,
  rows,
  numericColumns,
  label,
}: {
  fileName: string;
  header: string[];
  rows: Cell[][];
  numericColumns: number[];
  label?: string;
}) {
  const t = useTranslations("facility.portfolio");
  function download() {
    const blob = new Blob([toCsv(header, rows, numericColumns)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <Button type="button" variant="outline" size="sm" onClick={download}>
      <Download aria-hidden />
      {label ?? t("exportCsv")}
    </Button>
  );
}
