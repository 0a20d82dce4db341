"use client";

import { CheckCircle2, Download, FileSpreadsheet, RotateCcw, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useErrorText } from "@/components/forms/use-error-text";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/use-format";
import type { MoneyView } from "@/lib/statements/explain";
import { NativeSelect } from "./native-select";
import type { Option } from "./statement-form";

type RowError = { path?: string; row?: number; column?: string; message: string; code?: string; params?: Record<string, unknown> };
type Preview = { lines: number; gross: MoneyView; expenses: MoneyView | null };
type Fields = { periodStart: string; periodEnd: string; expenses: string; supersedesId: string };

type Step =
  | { kind: "idle" }
  | { kind: "sending"; commit: boolean }
  | { kind: "preview"; preview: Preview }
  | { kind: "failed"; message: string; rows: RowError[]; fields: Partial<Record<keyof Fields, string>> };

const FIELD_PATHS: (keyof Fields)[] = ["periodStart", "periodEnd", "expenses", "supersedesId"];

type Imported = { dryRun: boolean; statementId: string | null; lineCount: number; gross: MoneyView; expenses: MoneyView };

/**
 * A statement from a CSV or XLSX file (one revenue line per row) for a period: a dry run first
 * shows what would be submitted or every row's problem; submitting is all or nothing.
 */
export function StatementUpload({
  dealId,
  currency,
  supersedable,
  defaultSupersedesId,
}: {
  dealId: string;
  currency: string;
  supersedable: Option[];
  defaultSupersedesId?: string;
}) {
  const t = useTranslations("statements.upload");
  const f = useFormat();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useErrorText();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fields, setFields] = useState<Fields>({ periodStart: "", periodEnd: "", expenses: "", supersedesId: defaultSupersedesId ?? "" });
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [fileError, setFileError] = useState<string | null>(null);

  const set = (key: keyof Fields) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setFields((v) => ({ ...v, [key]: e.target.value }));
    if (step.kind !== "idle" && step.kind !== "sending") setStep({ kind: "idle" });
  };

  async function send(commit: boolean) {
    if (!file) {
      setFileError(t("chooseFile"));
      return;
    }
    setFileError(null);
    setStep({ kind: "sending", commit });
    const body = new FormData();
    body.set("file", file);
    for (const key of FIELD_PATHS) body.set(key, fields[key]);
    body.set("dryRun", commit ? "false" : "true");
    try {
      const res = await fetch(`/api/v1/deals/${dealId}/statements/import`, { method: "POST", body });
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      const imported = json.imported as Imported | undefined;
      if (res.ok && imported && !commit)
        return setStep({ kind: "preview", preview: { lines: imported.lineCount, gross: imported.gross, expenses: imported.expenses } });
      if (res.ok && commit) {
        const id = imported?.statementId;
        toast.success(t("submitted"));
        router.push(id ? `/statements/${id}` : `/deals/${dealId}/statements`);
        router.refresh();
        return;
      }
      const errors = (Array.isArray(json.errors) ? json.errors : []) as RowError[];
      const fieldErrors: Partial<Record<keyof Fields, string>> = {};
      const rows: RowError[] = [];
      for (const e of errors) {
        const path = (e.path ?? "").replace(/\.amount$/, "") as keyof Fields;
        const said = { ...e, message: errorText(e) };
        if (FIELD_PATHS.includes(path) && e.row === undefined)
          fieldErrors[path] = [fieldErrors[path], said.message].filter(Boolean).join(" ");
        else if (e.path === "file" && e.row === undefined) setFileError(said.message);
        else rows.push(said);
      }
      const message =
        res.status === 413
          ? t("tooLarge")
          : res.status === 415
            ? t("wrongType")
            : typeof json.code === "string"
              ? errorText({ code: json.code, params: json.params, message: typeof json.detail === "string" ? json.detail : undefined })
              : t("failed");
      setStep({ kind: "failed", message, rows, fields: fieldErrors });
    } catch {
      setStep({ kind: "failed", message: t("network"), rows: [], fields: {} });
    }
  }

  const failed = step.kind === "failed" ? step : null;
  const sending = step.kind === "sending";
  const disabled = !hydrated || sending;

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline" size="sm">
            <a href={`/api/v1/deals/${dealId}/statements/import/template`} download>
              <Download aria-hidden />
              {t("templateCsv")}
            </a>
          </Button>
        </div>
      </CardHeader>
      <CardContent className="grid gap-5">
        <form
          className="grid gap-4"
          noValidate
          aria-label={t("title")}
          onSubmit={(e) => {
            e.preventDefault();
            void send(false);
          }}
        >
          <div className="grid items-start gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <FormField label={t("periodStart")} error={failed?.fields.periodStart}>
              <Input type="date" value={fields.periodStart} onChange={set("periodStart")} disabled={disabled} />
            </FormField>
            <FormField label={t("periodEnd")} error={failed?.fields.periodEnd}>
              <Input type="date" value={fields.periodEnd} onChange={set("periodEnd")} disabled={disabled} />
            </FormField>
            <FormField label={t("expenses", { currency })} hint={t("optional")} error={failed?.fields.expenses}>
              <Input inputMode="decimal" autoComplete="off" value={fields.expenses} onChange={set("expenses")} disabled={disabled} />
            </FormField>
            <FormField label={t("supersedes")} hint={t("optional")} error={failed?.fields.supersedesId}>
              <NativeSelect value={fields.supersedesId} onChange={set("supersedesId")} disabled={disabled || supersedable.length === 0}>
                <option value="">{t("supersedesNone")}</option>
                {supersedable.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
          </div>
          <FormField label={t("file")} id={fileId} description={t("fileHint", { currency })} error={fileError}>
            <Input
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={disabled}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(null);
                setStep({ kind: "idle" });
              }}
            />
          </FormField>
          <div className="flex flex-wrap justify-end gap-2">
            <Button
              type="submit"
              variant={step.kind === "preview" ? "outline" : "default"}
              loading={sending && !step.commit}
              disabled={disabled}
            >
              <Upload aria-hidden />
              {t("check")}
            </Button>
          </div>
        </form>

        {step.kind === "preview" ? (
          <Alert variant="success" data-testid="upload-preview">
            <CheckCircle2 aria-hidden />
            <AlertTitle>{t("previewTitle", { count: step.preview.lines })}</AlertTitle>
            <AlertDescription className="grid gap-3">
              <p>
                {t("previewSummary", {
                  gross: f.money(step.preview.gross),
                  expenses: f.money(step.preview.expenses ?? { amount: "0", currency }),
                  start: fields.periodStart ? f.date(fields.periodStart) : "—",
                  end: fields.periodEnd ? f.date(fields.periodEnd) : "—",
                })}
              </p>
              <div className="flex flex-wrap gap-2">
                <Button size="sm" onClick={() => void send(true)} disabled={!hydrated}>
                  {t("submit", { count: step.preview.lines })}
                </Button>
                <Button size="sm" variant="outline" onClick={() => setStep({ kind: "idle" })}>
                  <RotateCcw aria-hidden />
                  {t("again")}
                </Button>
              </div>
            </AlertDescription>
          </Alert>
        ) : null}
        {sending && step.commit ? <p className="text-sm text-muted-foreground">{t("submitting")}</p> : null}

        {failed ? (
          <div className="grid gap-3" data-testid="upload-problems">
            <Alert variant="destructive">
              <FileSpreadsheet aria-hidden />
              <AlertTitle>
                {failed.rows.length > 0 ? t("rowErrors", { count: new Set(failed.rows.map((r) => r.row ?? -1)).size }) : t("refused")}
              </AlertTitle>
              <AlertDescription>{failed.rows.length > 0 ? t("nothingWritten") : failed.message}</AlertDescription>
            </Alert>
            {failed.rows.length > 0 ? (
              <div className="max-h-80 overflow-y-auto rounded-lg border">
                <Table aria-label={t("rowErrorsLabel")}>
                  <TableHeader>
                    <TableRow className="hover:bg-transparent">
                      <TableHead>{t("row")}</TableHead>
                      <TableHead>{t("column")}</TableHead>
                      <TableHead>{t("message")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {failed.rows.slice(0, 200).map((r, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: problems are a read-only list; several can share a row and column.
                      <TableRow key={i}>
                        <TableCell className="tabular-nums">{r.row ?? "—"}</TableCell>
                        <TableCell className="font-mono text-xs">{r.column ?? r.path ?? "—"}</TableCell>
                        <TableCell className="text-xs">{r.message}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ) : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
